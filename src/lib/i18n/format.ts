import type { Locale } from './locales';

export const TIME_ZONE = 'Europe/Berlin';

/**
 * Letters and appointments in Germany use the Gregorian calendar, so Persian readers get Gregorian dates
 * with Persian digits and month names rather than the Solar Hijri default.
 * Chromium has no Tigrinya date data, so dates are formatted on the server (Node has full ICU).
 */
function intlLocale(locale: Locale): string {
	return locale === 'fa' ? 'fa-u-ca-gregory' : locale;
}

export function formatDate(locale: Locale, date: Date | string): string {
	const value = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
	return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone: TIME_ZONE }).format(value);
}

export function formatDateTime(locale: Locale, date: Date): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone: TIME_ZONE
	}).format(date);
}

export function formatNumber(locale: Locale, value: number): string {
	return new Intl.NumberFormat(intlLocale(locale)).format(value);
}
