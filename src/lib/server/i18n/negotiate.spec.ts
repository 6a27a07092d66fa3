import { describe, expect, it } from 'vitest';
import { resolveLocale } from '.';

describe('choosing the language', () => {
	it('prefers the saved choice, then the cookie, then the browser, then German', () => {
		expect(resolveLocale('ti', 'fa', 'ar')).toBe('ti');
		expect(resolveLocale(null, 'fa', 'ar')).toBe('fa');
		expect(resolveLocale(null, undefined, 'ar-SY,ar;q=0.9,en;q=0.5')).toBe('ar');
		expect(resolveLocale(null, undefined, 'fa-IR')).toBe('fa');
		expect(resolveLocale(null, undefined, 'fr-FR,fr;q=0.9')).toBe('de');
		expect(resolveLocale(null, undefined, null)).toBe('de');
	});

	it('ignores values that are not supported languages', () => {
		expect(resolveLocale('xx', 'zz', null)).toBe('de');
	});
});
