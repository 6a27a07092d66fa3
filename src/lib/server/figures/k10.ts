import { sql } from 'drizzle-orm';
import { CASES_PER_FULL_TIME_POST } from '$lib/casework';
import type { KeyFigures } from '$lib/figures';
import { one, rows, statusAtEnd, type FigureContext } from './scope';

/** Cases that take a caseworker's time (as the team page counts them): referred, active, paused. */
const LOAD = sql`('referred', 'active', 'paused')`;

/**
 * K10. Cases referred, active or paused at the period's end against the posts (full-time equivalents) of the
 * scope's active caseworkers; per caseworker by their current assignments (a lead's and a caseworker's view
 * only: the coordinator sees no person-level rows, and no caseworker's).
 */
export function k10(context: FigureContext): KeyFigures['k10'] {
	const cases = one<{ n: number }>(sql`select count(*) as n from cases k join participants p on p.id = k.participant_id
		where ${context.persons} and ${statusAtEnd(context)} in ${LOAD}`);
	const staff = rows<{ id: string; name: string; fte: number; cases: number }>(sql`select u.id as id,
		u.display_name as name, u.full_time_equivalent as fte,
		(select count(*) from assignments a join cases k on k.participant_id = a.participant_id
			where a.caseworker_id = u.id and a.ended_at is null and ${statusAtEnd(context)} in ${LOAD}) as cases
		from users u where ${context.staff} and u.role = 'caseworker' and u.active = 1 order by u.display_name, u.id`);
	const posts = staff.reduce((sum, s) => sum + s.fte, 0) / 100;
	return {
		cases: cases.n,
		posts,
		casesPerPost: posts === 0 ? null : cases.n / posts,
		target: CASES_PER_FULL_TIME_POST,
		perCaseworker: context.access.aggregatesOnly
			? []
			: staff.map((s) => ({ id: s.id, name: s.name, cases: s.cases, posts: s.fte / 100 }))
	};
}
