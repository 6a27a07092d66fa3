import { sql } from 'drizzle-orm';
import { CLOSURE_REASONS, PERIOD_MONTHS } from '$lib/casework';
import type { KeyFigures } from '$lib/figures';
import { dayInGermany } from '$lib/i18n/format';
import { breakdown, daysBetween, mean, median, rows, type FigureContext } from './scope';

/**
 * K8. Cases closed in the period, by reason. Duration: from the first contact (period start) to the day of
 * closure; cases closed before any contact have none. Extended beyond 36 months: of the cases closed in the
 * period, those whose period was extended.
 */
export function k8(context: FigureContext): KeyFigures['k8'] {
	const closed = rows<{ reason: string | null; startsOn: string | null; closedAt: number; months: number }>(
		sql`select k.closure_reason as reason, k.period_starts_on as startsOn, k.closed_at as closedAt,
		k.period_months as months from cases k join participants p on p.id = k.participant_id
		where ${context.persons} and k.closed_at >= ${context.start} and k.closed_at < ${context.end}`
	);
	const durations = closed
		.filter((c) => c.startsOn !== null)
		.map((c) => Math.max(0, daysBetween(c.startsOn as string, dayInGermany(new Date(c.closedAt)))));
	const average = mean(durations);
	return {
		byReason: breakdown(
			CLOSURE_REASONS,
			closed.map((c) => ({ key: c.reason ?? 'other', count: 1 }))
		),
		meanDurationDays: average === null ? null : Math.round(average),
		medianDurationDays: median(durations),
		extendedBeyond36: closed.filter((c) => c.months > PERIOD_MONTHS).length
	};
}
