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

// Building an Intl formatter costs far more than using one (locale data is resolved each time); one per locale
// and style, shared by every request: they hold no personal data.
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${locale}|${style}`;
	let format = dateFormats.get(key);
	if (format === undefined) {
		// Times in Germany are read on the 24-hour clock, also where a language's default is 12 hours (Arabic, English).
		format = new Intl.DateTimeFormat(intlLocale(locale), { ...options, hourCycle: 'h23', timeZone: TIME_ZONE });
		dateFormats.set(key, format);
	}
	return format;
}

export function formatDate(locale: Locale, date: Date | string): string {
	const value = typeof date === 'string' ? new Date(`${date}T12:00:00Z`) : date;
	return dateFormat(locale, 'date', { dateStyle: 'long' }).format(value);
}

export function formatDateTime(locale: Locale, date: Date): string {
	return dateFormat(locale, 'datetime', { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** A calendar month ("November 2026"); month 0 or 13 is the month before or after the year. */
export function formatMonth(locale: Locale, year: number, month: number): string {
	const value = new Date(Date.UTC(year, month - 1, 15, 12));
	return dateFormat(locale, 'month', { year: 'numeric', month: 'long' }).format(value);
}

const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, value: number): string {
	let format = numberFormats.get(locale);
	if (format === undefined) {
		format = new Intl.NumberFormat(intlLocale(locale));
		numberFormats.set(locale, format);
	}
	return format.format(value);
}

/** "Tuesday, 24 November 2026, 10:00 – 11:00": an appointment as people say it, on the clock in Germany. */
export function formatTimeRange(locale: Locale, start: Date, end: Date): string {
	return dateFormat(locale, 'range', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit'
	}).formatRange(start, end);
}

export function formatTime(locale: Locale, date: Date): string {
	return dateFormat(locale, 'time', { hour: 'numeric', minute: '2-digit' }).format(date);
}

/** "Tue, 24 Nov" for lists of days (office-hour slots). */
export function formatDay(locale: Locale, date: Date): string {
	return dateFormat(locale, 'day', { weekday: 'short', day: 'numeric', month: 'short' }).format(date);
}

const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE });

/** The calendar day in Germany (YYYY-MM-DD) at that moment: review and expiry dates are days, not moments. */
export function dayInGermany(date = new Date()): string {
	return dayKeyFormat.format(date);
}

const relativeFormats = new Map<Locale, Intl.RelativeTimeFormat>();

/** "today", "tomorrow", "in 3 days" (or "yesterday"…) by calendar days in Germany; null beyond a week. */
export function formatRelativeDay(locale: Locale, date: Date, now = new Date()): string | null {
	const days = Math.round((Date.parse(dayInGermany(date)) - Date.parse(dayInGermany(now))) / 86_400_000);
	if (Math.abs(days) > 7) return null;
	let format = relativeFormats.get(locale);
	if (format === undefined) {
		format = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
		relativeFormats.set(locale, format);
	}
	return format.format(days, 'day');
}
