import { and, inArray, isNotNull, sql, type SQL } from 'drizzle-orm';
import { EXTENDED_PERIOD_MONTHS, PERIOD_MONTHS } from '$lib/casework';
import { cases } from '../db/schema';
import { addMonths, latestStartEndingBy } from './period';

/** Cases whose period is still counting: not waiting for a first contact, not closed. */
export const RUNNING_STATUSES = ['active', 'paused', 'transferred'] as const;

/**
 * For the caseload and the work queue: open cases whose counselling period ends within `months` (6 by default)
 * of `today`, or has already ended. A condition on `cases` only (period_starts_on compared with one precomputed
 * day per possible length), so it adds no per-row date arithmetic to a query and needs no computed column.
 */
export function periodEndsWithinCondition(today: string, months = 6): SQL {
	const horizon = addMonths(today, months);
	const latest: SQL[] = [];
	for (let length = PERIOD_MONTHS; length <= EXTENDED_PERIOD_MONTHS; length++) {
		latest.push(sql`when ${length} then ${latestStartEndingBy(horizon, length)}`);
	}
	return and(
		inArray(cases.status, [...RUNNING_STATUSES]),
		isNotNull(cases.periodStartsOn),
		sql`${cases.periodStartsOn} <= case ${cases.periodMonths} ${sql.join(latest, sql` `)} else ${latestStartEndingBy(horizon, PERIOD_MONTHS)} end`
	) as SQL;
}
