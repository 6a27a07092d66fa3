import { sql } from 'drizzle-orm';
import { GERMAN_LEVELS } from '$lib/casework';
import type { KeyFigures } from '$lib/figures';
import { FIELDS } from '$lib/plan';
import { breakdown, one, rows, type FigureContext } from './scope';

/** "Work or training" at a snapshot: any paid work or a vocational training; a language course is not. */
export const WORK_OR_TRAINING = sql`('training', 'mini_job', 'employed', 'self_employed')`;

/** Cases (`k`) closed in the period with both an entry (`en`) and an exit (`ex`) snapshot: the K9 pairs. */
export function pairsIn(context: FigureContext) {
	return sql`cases k join participants p on p.id = k.participant_id
		join assessments en on en.case_id = k.id and en.kind = 'entry'
		join assessments ex on ex.case_id = k.id and ex.kind = 'exit'
		where ${context.persons} and k.closed_at >= ${context.start} and k.closed_at < ${context.end}`;
}

/** The order of German levels as a number, for "improved" (none < A1 < … < C2). */
const levelRank = (column: string) =>
	sql.raw(`case ${column} ${GERMAN_LEVELS.map((l, i) => `when '${l}' then ${i}`).join(' ')} end`);

/**
 * K9 outcomes: entry against exit for the persons closed in the period with both snapshots. "Improved": the
 * exit German level is higher than the entry one (both known). Goal attainment: goals (not deleted) of all
 * cases closed in the period, achieved against all, per field.
 */
export function k9(context: FigureContext): KeyFigures['k9'] {
	const from = pairsIn(context);
	const totals = one<Record<string, number>>(sql`select count(*) as pairs,
		coalesce(sum(${levelRank('ex.german_level')} > ${levelRank('en.german_level')}), 0) as improved,
		coalesce(sum(en.work in ${WORK_OR_TRAINING}), 0) as workEntry, coalesce(sum(ex.work in ${WORK_OR_TRAINING}), 0) as workExit,
		coalesce(sum(en.housing = 'own_flat'), 0) as flatEntry, coalesce(sum(ex.housing = 'own_flat'), 0) as flatExit,
		coalesce(sum(en.benefits = 'none'), 0) as freeEntry, coalesce(sum(ex.benefits = 'none'), 0) as freeExit
		from ${from}`);
	const levels = (alias: string) =>
		breakdown(
			GERMAN_LEVELS,
			rows<{ key: string | null; count: number }>(
				sql`select ${sql.raw(`${alias}.german_level`)} as key, count(*) as count from ${from} group by 1`
			),
			true
		);
	const goals = rows<{ field: string; achieved: number; total: number }>(sql`select g.field as field,
		sum(g.status = 'achieved') as achieved, count(*) as total from goals g
		join cases k on k.participant_id = g.participant_id join participants p on p.id = g.participant_id
		where ${context.persons} and k.closed_at >= ${context.start} and k.closed_at < ${context.end}
		and g.deleted_at is null group by 1`);
	return {
		pairs: totals.pairs,
		germanLevel: { entry: levels('en'), exit: levels('ex'), improved: totals.improved },
		workOrTraining: { entry: totals.workEntry, exit: totals.workExit },
		ownFlat: { entry: totals.flatEntry, exit: totals.flatExit },
		noBenefits: { entry: totals.freeEntry, exit: totals.freeExit },
		goalAttainment: FIELDS.map((field) => {
			const row = goals.find((g) => g.field === field);
			return { field, achieved: row?.achieved ?? 0, total: row?.total ?? 0 };
		})
	};
}
