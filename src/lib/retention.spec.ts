import { describe, expect, it } from 'vitest';
import { ANONYMISED_NAME, shownName } from './retention';

describe('shownName', () => {
	const t = (key: string) => `«${key}»`;
	it('shows the localised label for an anonymised person, the name otherwise', () => {
		expect(shownName({ givenName: '', familyName: ANONYMISED_NAME }, t)).toBe('«participant.anonymised»');
		expect(shownName({ givenName: 'Amina', familyName: 'Al-Hassan' }, t)).toBe('Amina Al-Hassan');
		// Someone whose given name was typed as "Anonymisiert" stays herself.
		expect(shownName({ givenName: 'Anonymisiert', familyName: ANONYMISED_NAME }, t)).toBe('Anonymisiert Anonymisiert');
	});
});
