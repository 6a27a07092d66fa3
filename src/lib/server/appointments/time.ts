import { TZDate } from '@date-fns/tz';
import { TIME_ZONE } from '$lib/i18n/format';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** How far from today an appointment may lie: a typo like 2062 is refused rather than stored. */
export const MAX_YEARS_AHEAD = 2;
export const MAX_YEARS_BACK = 1;
/** Longer than this is not one appointment (a day at a course is entered day by day). */
export const MAX_DURATION_MS = 12 * 60 * 60 * 1000;

export type WallTime = { ok: true; at: Date } | { ok: false; reason: 'invalid' | 'nonexistent' };

/**
 * A date and time as read on a clock in Germany, as an instant. Clocks jump from 02:00 to 03:00 on the last
 * Sunday of March, so 02:30 that day never happens: refused, not silently moved. On the last Sunday of
 * October 02:00–03:00 happens twice; the first (summer time) is meant, as people read the letter.
 */
export function berlinWallTime(date: string, time: string): WallTime {
	const d = DATE.exec(date);
	const t = TIME.exec(time);
	if (d === null || t === null) return { ok: false, reason: 'invalid' };
	const [year, month, day, hour, minute] = [Number(d[1]), Number(d[2]), Number(d[3]), Number(t[1]), Number(t[2])];
	const zoned = new TZDate(year, month - 1, day, hour, minute, TIME_ZONE);
	if (zoned.getFullYear() !== year || zoned.getMonth() !== month - 1 || zoned.getDate() !== day) {
		return { ok: false, reason: 'invalid' };
	}
	if (zoned.getHours() !== hour || zoned.getMinutes() !== minute) return { ok: false, reason: 'nonexistent' };
	// TZDate resolves the repeated hour to winter time; an hour earlier is the same wall time in summer time.
	const earlier = new TZDate(zoned.getTime() - 60 * 60 * 1000, TIME_ZONE);
	if (earlier.getHours() === hour && earlier.getMinutes() === minute && earlier.getDate() === day) {
		return { ok: true, at: new Date(earlier.getTime()) };
	}
	return { ok: true, at: new Date(zoned.getTime()) };
}

/** The date (YYYY-MM-DD) and time (HH:MM) an instant shows on a clock in Germany; for forms. */
export function berlinParts(at: Date): { date: string; time: string } {
	const zoned = new TZDate(at.getTime(), TIME_ZONE);
	const pad = (n: number) => String(n).padStart(2, '0');
	return {
		date: `${zoned.getFullYear()}-${pad(zoned.getMonth() + 1)}-${pad(zoned.getDate())}`,
		time: `${pad(zoned.getHours())}:${pad(zoned.getMinutes())}`
	};
}

/** The calendar date `days` after a German date, as a German date (DST-safe: counts days, not hours). */
export function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const next = new Date(Date.UTC(y, m - 1, d + days));
	return next.toISOString().slice(0, 10);
}

export type TimeRange =
	{ ok: true; startsAt: Date; endsAt: Date } | { ok: false; field: 'date' | 'start' | 'end'; reason: string };

/**
 * Start and end of an appointment from its form fields (one date, two clock times), checked against the
 * rules every way of making an appointment shares.
 */
export function appointmentTimes(date: string, start: string, end: string, now = new Date()): TimeRange {
	if (!isCalendarDate(date)) return { ok: false, field: 'date', reason: 'appointments.date_invalid' };
	const from = berlinWallTime(date, start);
	if (!from.ok) return { ok: false, field: 'start', reason: `appointments.time_${from.reason}` };
	const to = berlinWallTime(date, end);
	if (!to.ok) return { ok: false, field: 'end', reason: `appointments.time_${to.reason}` };
	if (to.at.getTime() <= from.at.getTime()) return { ok: false, field: 'end', reason: 'appointments.end_before_start' };
	if (to.at.getTime() - from.at.getTime() > MAX_DURATION_MS) {
		return { ok: false, field: 'end', reason: 'appointments.too_long' };
	}
	return withinReach(from.at, now)
		? { ok: true, startsAt: from.at, endsAt: to.at }
		: { ok: false, field: 'date', reason: 'appointments.date_out_of_range' };
}

/** A date that exists (no 30 February). */
export function isCalendarDate(date: string): boolean {
	const d = DATE.exec(date);
	if (d === null) return false;
	const parsed = new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3])));
	return parsed.toISOString().slice(0, 10) === date;
}

export function withinReach(at: Date, now = new Date()): boolean {
	const ahead = new Date(now);
	ahead.setUTCFullYear(ahead.getUTCFullYear() + MAX_YEARS_AHEAD);
	const back = new Date(now);
	back.setUTCFullYear(back.getUTCFullYear() - MAX_YEARS_BACK);
	return at.getTime() <= ahead.getTime() && at.getTime() >= back.getTime();
}
