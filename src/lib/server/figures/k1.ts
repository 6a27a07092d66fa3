import { sql } from 'drizzle-orm';
import { HOUSING_SITUATIONS } from '$lib/casework';
import { GENDERS, RESIDENCE_STATUSES } from '$lib/domain';
import type { KeyFigures } from '$lib/figures';
import { breakdown, COUNSELLING, one, rows, statusAtEnd, type FigureContext } from './scope';

type Row = { key: string | null; count: number };

/**
 * The persons counselled in the period: in counselling at its end (status reconstructed from case_events), or
 * closed within it. The breakdowns (K1) count these persons; anonymised cases count like any other.
 */
export function counselledCases(context: FigureContext) {
	return sql`select k.id as case_id, k.participant_id, k.period_starts_on, k.closed_at, ${statusAtEnd(context)} as end_status
		from cases k join participants p on p.id = k.participant_id where ${context.persons}`;
}

export function counselledWhere(context: FigureContext) {
	return sql`(end_status in ${COUNSELLING} or (closed_at >= ${context.start} and closed_at < ${context.end}))`;
}

/** The five most frequent nationalities are shown by name, the rest as "other". */
const TOP_NATIONALITIES = 5;

/**
 * K1. atEnd: cases active, paused or transferred at period end. new: counselling period started (first
 * contact) within the period. closed: closed within the period. Age is taken at the period's last day.
 */
export function k1(context: FigureContext): KeyFigures['k1'] {
	const base = sql`with s as (${counselledCases(context)}) select`;
	const persons = sql`from s join participants p on p.id = s.participant_id where ${counselledWhere(context)}`;
	const counts = one<{ atEnd: number; new: number; closed: number; counselled: number }>(sql`${base}
		coalesce(sum(end_status in ${COUNSELLING}), 0) as atEnd,
		coalesce(sum(period_starts_on between ${context.period.from} and ${context.period.to}), 0) as new,
		coalesce(sum(closed_at >= ${context.start} and closed_at < ${context.end}), 0) as closed,
		count(*) as counselled
		from s where ${counselledWhere(context)}`);
	const to = context.period.to;
	const by = (key: ReturnType<typeof sql>) =>
		rows<Row>(sql`${base} ${key} as key, count(*) as count ${persons} group by 1`);
	const age = sql`case when p.birth_date is null then 'unknown' else (
		case when (cast(substr(${to}, 1, 4) as integer) - cast(substr(p.birth_date, 1, 4) as integer)
			- (substr(${to}, 6, 5) < substr(p.birth_date, 6, 5))) < 18 then 'under_18'
		when (cast(substr(${to}, 1, 4) as integer) - cast(substr(p.birth_date, 1, 4) as integer)
			- (substr(${to}, 6, 5) < substr(p.birth_date, 6, 5))) <= 26 then '18_26' else '27_plus' end) end`;
	const nationalities = by(sql`p.nationality`).sort((a, b) => b.count - a.count);
	const named = nationalities.filter((n) => n.key !== null).slice(0, TOP_NATIONALITIES);
	const other = nationalities.filter((n) => n.key !== null && !named.includes(n)).reduce((sum, n) => sum + n.count, 0);
	const unknown = nationalities.find((n) => n.key === null)?.count ?? 0;
	const towns = rows<{ key: string; label: string; count: number }>(sql`${base} p.town_id as key, o.name as label,
		count(*) as count from s join participants p on p.id = s.participant_id join organisations o on o.id = p.town_id
		where ${counselledWhere(context)} group by p.town_id order by o.name`);
	return {
		atEnd: counts.atEnd,
		new: counts.new,
		closed: counts.closed,
		counselled: counts.counselled,
		byResidenceStatus: breakdown(RESIDENCE_STATUSES, by(sql`p.residence_status`)),
		byAgeBand: breakdown(['under_18', '18_26', '27_plus'], by(age), true),
		byGender: breakdown(GENDERS, by(sql`p.gender`), true),
		byNationality: [
			...named.map((n) => ({ key: n.key as string, count: n.count })),
			{ key: 'other', count: other },
			{ key: 'unknown', count: unknown }
		],
		byHousehold: breakdown(
			['single', 'household'],
			by(
				sql`case when p.household_id is not null and (select count(*) from participants h where h.household_id = p.household_id) > 1 then 'household' else 'single' end`
			)
		),
		// The latest snapshot before the period's end: the exit one where the case was closed, else the entry one.
		byHousing: breakdown(
			HOUSING_SITUATIONS,
			by(
				sql`(select a.housing from assessments a where a.case_id = s.case_id and a.created_at < ${context.end} order by a.kind = 'exit' desc limit 1)`
			),
			true
		),
		byTown: towns
	};
}
