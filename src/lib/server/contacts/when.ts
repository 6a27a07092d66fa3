import { CONTACT_CORRECTION_DAYS } from '$lib/casework';
import { berlinWallTime, MAX_YEARS_BACK } from '../appointments/time';

/** Clocks of phones and servers disagree by a little; a contact "in the future" by less than this is now. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type When = { ok: true; at: Date } | { ok: false; reason: string; field: 'date' | 'time' };

/**
 * When a contact took place, from its form fields as read on a clock in Germany. Contacts are recorded
 * after the fact: a future one is a typo (or a plan, which is an appointment), one older than a year too.
 */
export function contactTime(date: string, time: string, now = new Date()): When {
	const wall = berlinWallTime(date, time);
	if (!wall.ok) {
		return wall.reason === 'nonexistent'
			? { ok: false, reason: 'appointments.time_nonexistent', field: 'time' }
			: { ok: false, reason: 'form.date_invalid', field: 'date' };
	}
	if (wall.at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
		return { ok: false, reason: 'contacts.in_future', field: 'date' };
	}
	const earliest = new Date(now);
	earliest.setFullYear(earliest.getFullYear() - MAX_YEARS_BACK);
	if (wall.at < earliest) return { ok: false, reason: 'contacts.too_old', field: 'date' };
	return { ok: true, at: wall.at };
}

/** Until when a contact can be corrected: CONTACT_CORRECTION_DAYS after it was recorded, to the millisecond. */
export function correctableUntil(recordedAt: Date): Date {
	return new Date(recordedAt.getTime() + CONTACT_CORRECTION_DAYS * DAY_MS);
}

/** Locked contacts are read-only: the key figures reported to the state must not shift under them. */
export function isLocked(recordedAt: Date, now = new Date()): boolean {
	return now.getTime() >= correctableUntil(recordedAt).getTime();
}
