import { sql } from 'drizzle-orm';
import { getHolidays } from 'feiertagejs';
import { NETWORKING_GROUPS } from '$lib/casework';
import type { KeyFigures } from '$lib/figures';
import { breakdown, one, rows, type FigureContext } from './scope';

// Baden-Württemberg's public holidays per year, as "YYYY-MM-DD": computed once per year and process (a lead's
// report asks for the working days of every caseworker's figures; asking the library per day cost seconds).
const holidaysByYear = new Map<number, ReadonlySet<string>>();
function holidaysIn(year: number): ReadonlySet<string> {
	let days = holidaysByYear.get(year);
	if (days === undefined) {
		days = new Set(getHolidays(year, 'BW').map((h) => h.dateString));
		holidaysByYear.set(year, days);
	}
	return days;
}

/** Monday to Friday from `from` to `to` inclusive, without Baden-Württemberg's public holidays. */
export function workingDays(from: string, to: string): number {
	let days = 0;
	for (let t = Date.parse(from); t <= Date.parse(to); t += 86_400_000) {
		const day = new Date(t);
		const weekday = day.getUTCDay();
		if (weekday === 0 || weekday === 6) continue;
		if (!holidaysIn(day.getUTCFullYear()).has(day.toISOString().slice(0, 10))) days++;
	}
	return days;
}

/**
 * K6. Networking contacts of the scope's staff in the period (deleted ones do not count). The mean per
 * caseworker and working day divides by the scope's active caseworkers and the working days of the period up
 * to today (a running year is not diluted by the days still to come).
 */
export function k6(context: FigureContext): KeyFigures['k6'] {
	const from = sql`networking_contacts n where ${context.networking} and n.deleted_at is null
		and n.occurred_at >= ${context.start} and n.occurred_at < ${context.end}`;
	const byGroup = rows<{ key: string; count: number }>(
		sql`select n."group" as key, count(*) as count from ${from} group by 1`
	);
	const total = byGroup.reduce((sum, g) => sum + g.count, 0);
	const staff = one<{ n: number }>(
		sql`select count(*) as n from users u where ${context.staff} and u.role = 'caseworker' and u.active = 1`
	);
	const until = context.period.to < context.today ? context.period.to : context.today;
	const days = until < context.period.from ? 0 : workingDays(context.period.from, until);
	return {
		contacts: total,
		byGroup: breakdown(NETWORKING_GROUPS, byGroup),
		perCaseworkerPerWorkingDay: staff.n === 0 || days === 0 ? null : total / staff.n / days
	};
}
