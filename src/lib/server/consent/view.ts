import { formatDate, formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { ConsentWithState } from './state';

export function consentView(c: ConsentWithState, locale: Locale) {
	return {
		id: c.id,
		granteeKind: c.granteeKind,
		granteeName: c.granteeName,
		purpose: c.purpose,
		scopes: c.scopes,
		state: c.state,
		version: c.version,
		stateAt: formatDateTime(locale, c.stateAt),
		stateReason: c.stateReason,
		validFrom: formatDate(locale, c.validFrom),
		validUntil: formatDate(locale, c.validUntil),
		givenVia: c.givenVia,
		endingSoon: c.state === 'given' && c.validUntil.getTime() - Date.now() <= 7 * 24 * 60 * 60 * 1000
	};
}
export type ConsentView = ReturnType<typeof consentView>;
