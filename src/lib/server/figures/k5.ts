import { sql } from 'drizzle-orm';
import type { KeyFigures } from '$lib/figures';
import { FIELDS, GOAL_STATUSES } from '$lib/plan';
import { COUNSELLING, rows, statusAtEnd, type FigureContext } from './scope';

/**
 * A goal's status at the period's end, from the plan history (every status change records from and to): the
 * last change before the end, else the state the first change after it started from, else today's status.
 * Every status change records from and to (the status buttons, the full goal form and reviews); only changes
 * written before the full form and reviews did so (older installations) are not replayed.
 */
export function goalStatusAtEnd(context: FigureContext) {
	return sql`coalesce(
		(select json_extract(h.detail, '$.to') from plan_history h where h.participant_id = g.participant_id
			and h.goal_id = g.id and h.change = 'goal.status' and json_extract(h.detail, '$.to') is not null
			and h.created_at < ${context.end} order by h.created_at desc, h.id desc limit 1),
		(select json_extract(h.detail, '$.from') from plan_history h where h.participant_id = g.participant_id
			and h.goal_id = g.id and h.change = 'goal.status' and json_extract(h.detail, '$.from') is not null
			and h.created_at >= ${context.end} order by h.created_at, h.id limit 1),
		g.status)`;
}

/**
 * K5. Goals (set before the period's end, not deleted by then) of the persons in counselling at its end, by
 * field and status at the end; and the status changes decided at reviews held in the period.
 */
export function k5(context: FigureContext): KeyFigures['k5'] {
	const { start, end } = context;
	const found = rows<{ field: string; status: string; count: number }>(sql`select g.field as field,
		${goalStatusAtEnd(context)} as status, count(*) as count
		from goals g join participants p on p.id = g.participant_id join cases k on k.participant_id = p.id
		where ${context.persons} and g.created_at < ${end} and (g.deleted_at is null or g.deleted_at >= ${end})
		and ${statusAtEnd(context)} in ${COUNSELLING} group by 1, 2`);
	const changes = rows<{ from: string; to: string; count: number }>(sql`select o.status_before as "from",
		o.status_after as "to", count(*) as count from plan_review_outcomes o join plan_reviews r on r.id = o.review_id
		join participants p on p.id = r.participant_id where ${context.persons} and r.created_at >= ${start}
		and r.created_at < ${end} and o.status_before <> o.status_after group by 1, 2 order by 3 desc`);
	return {
		byFieldAndStatus: FIELDS.flatMap((field) =>
			GOAL_STATUSES.map((status) => ({
				field,
				status,
				count: found.find((r) => r.field === field && r.status === status)?.count ?? 0
			}))
		),
		reviewChanges: changes
	};
}
