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

/** "Tuesday, 24 November 2026, 10:00 – 11:00": an appointment as people say it, on the clock in Germany. */
export function formatTimeRange(locale: Locale, start: Date, end: Date): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).formatRange(start, end);
}

export function formatTime(locale: Locale, date: Date): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		hour: 'numeric',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(date);
}

/** "Tue, 24 Nov" for lists of days (office-hour slots). */
export function formatDay(locale: Locale, date: Date): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		timeZone: TIME_ZONE
	}).format(date);
}

const dayKey = (date: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(date);

/** "today", "tomorrow", "in 3 days" (or "yesterday"…) by calendar days in Germany; null beyond a week. */
export function formatRelativeDay(locale: Locale, date: Date, now = new Date()): string | null {
	const days = Math.round((Date.parse(dayKey(date)) - Date.parse(dayKey(now))) / 86_400_000);
	if (Math.abs(days) > 7) return null;
	return new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }).format(days, 'day');
}
