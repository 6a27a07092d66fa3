// The counselling period: it starts with the first contact and runs 36 months, 48 after an approved extension.
// Pure date arithmetic on German calendar days ("YYYY-MM-DD"); no clock, no time zone.
import { EXTENDED_PERIOD_MONTHS, PERIOD_MONTHS, PERIOD_WARNING_MONTH } from '$lib/casework';

type Ymd = { y: number; m: number; d: number };

function parse(day: string): Ymd {
	const [y, m, d] = day.split('-').map(Number);
	return { y, m, d };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const format = ({ y, m, d }: Ymd) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

function daysInMonth(y: number, m: number): number {
	return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function addDays(day: string, days: number): string {
	const { y, m, d } = parse(day);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * The same day `months` later; a day the later month lacks (31 January + 1 month, 29 February + 12) becomes
 * that month's last day, as § 188 (3) BGB counts month periods. Never spills into the next month.
 */
export function addMonths(day: string, months: number): string {
	const { y, m, d } = parse(day);
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = (index % 12) + 1;
	return format({ y: year, m: month, d: Math.min(d, daysInMonth(year, month)) });
}

/**
 * The last day of counselling. The day of the first contact is the first day (§ 187 (2) BGB), so a period
 * ends the day before the same date `months` later, or on the last day of that month if it has no such date
 * (29 February 2024 + 36 months ends on 28 February 2027).
 */
export function periodEndsOn(startsOn: string, months: number): string {
	const { d } = parse(startsOn);
	const same = addMonths(startsOn, months);
	return parse(same).d < d ? same : addDays(same, -1);
}

/**
 * Whole months of counselling completed on `today` (0 in the first month). A month is completed once its
 * last day has passed, counted the way the period's end is, so the last month ends on the period's last day.
 */
export function monthsCompleted(startsOn: string, today: string): number {
	if (today <= startsOn) return 0;
	const a = parse(startsOn);
	const b = parse(today);
	let months = Math.max(0, (b.y - a.y) * 12 + (b.m - a.m) + 1);
	while (months > 0 && periodEndsOn(startsOn, months) >= today) months -= 1;
	return months;
}

export type PeriodState = {
	startsOn: string;
	endsOn: string;
	months: number;
	/** The month of counselling `today` falls in: 1 in the first, 31 in the 31st. */
	month: number;
	/** Whole months left after the current one (0 in the last month). */
	monthsLeft: number;
	/** From month 30 of 36 (42 of 48): time to extend, transfer or close. */
	flagged: boolean;
	/** The last day has passed. */
	over: boolean;
	/** Another extension is possible (the period is shorter than 48 months). */
	extendable: boolean;
};

/** Where a case stands in its period on `today`; null before the first contact. */
export function periodOf(startsOn: string | null, months: number, today: string): PeriodState | null {
	if (startsOn === null) return null;
	const endsOn = periodEndsOn(startsOn, months);
	const month = Math.min(monthsCompleted(startsOn, today) + 1, months);
	const warningMonth = months - (PERIOD_MONTHS - PERIOD_WARNING_MONTH);
	return {
		startsOn,
		endsOn,
		months,
		month,
		monthsLeft: Math.max(0, months - month),
		flagged: month >= warningMonth,
		over: today > endsOn,
		extendable: months < EXTENDED_PERIOD_MONTHS
	};
}

/**
 * The latest first-contact day whose period of `months` ends on or before `horizon`. The end moves forward
 * with the start, never back, so "ends by the horizon" is the plain condition `period_starts_on <= latest`.
 */
export function latestStartEndingBy(horizon: string, months: number): string {
	let start = addMonths(addDays(horizon, 1), -months);
	while (periodEndsOn(addDays(start, 1), months) <= horizon) start = addDays(start, 1);
	while (periodEndsOn(start, months) > horizon) start = addDays(start, -1);
	return start;
}
