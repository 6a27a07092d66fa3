import { TZDate } from '@date-fns/tz';
import { and, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { TIME_ZONE } from '$lib/i18n/format';
import { addDays } from '../appointments/time';
import { addMonths } from '../cases/period';
import { cases, organisations } from '../db/schema';
import { RETENTION_YEARS_RANGE } from '../organisations';

/**
 * The rule: a case closed on day D (German calendar) is kept for N whole years and anonymised from the day after
 * D + N years (29 February + 1 year is 28 February, as § 188 (3) BGB counts). So a case closed three years and a
 * day ago is due, one closed three years less a day ago is not.
 */
export function anonymisedFrom(closedOn: string, years: number): string {
	return addDays(addMonths(closedOn, years * 12), 1);
}

/** The latest German closure day whose case is due on `day` with a retention of `years`. */
function lastDueClosureDay(day: string, years: number): string {
	let last = addMonths(addDays(day, -1), -years * 12);
	// Counting back clamps 29 February away; the next day may still be due (29.02.2024 + 1 year = 28.02.2025).
	while (anonymisedFrom(addDays(last, 1), years) <= day) last = addDays(last, 1);
	return last;
}

function startOfGermanDay(day: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return new TZDate(y, m - 1, d, TIME_ZONE).getTime();
}

/**
 * Closed, not yet anonymised cases that are due on `day`, as one SQL condition on `cases` joined with their
 * organisation: one instant per possible retention period, since a German day does not start at a fixed UTC hour.
 */
export function dueOn(day: string): SQL {
	const branches: SQL[] = [];
	let latest = 0;
	for (let years = RETENTION_YEARS_RANGE.min; years <= RETENTION_YEARS_RANGE.max; years++) {
		const before = startOfGermanDay(addDays(lastDueClosureDay(day, years), 1));
		latest = Math.max(latest, before);
		branches.push(sql`when ${years} then ${cases.closedAt} < ${before}`);
	}
	return and(
		eq(cases.status, 'closed'),
		isNull(cases.anonymisedAt),
		// The shortest period's bound as a plain range, so the query reads cases_retention_idx, not every closed case.
		lt(cases.closedAt, new Date(latest)),
		sql`(case ${organisations.retentionYears} ${sql.join(branches, sql` `)} else 0 end)`
	)!;
}
