import { sql, type SQL } from 'drizzle-orm';
import { CLOSURE_REASONS, CONTACT_FORMS, CONTACT_KINDS, REFERRAL_TARGETS, TRANSFER_TARGETS } from '$lib/casework';
import { QA_WARNINGS, type QaWarning, type ReportPeriod } from '$lib/figures';
import { db } from '../db';
import { keysetPage, type Page } from '../db/keyset';
import { caseloadCondition, type ReportAccess } from '../policy';
import { counselledCases } from './k1';
import { contactsIn } from './k2';
import { pairsIn } from './k9';
import { qaSource } from './qa';
import { COUNSELLING, figureContext, type FigureContext } from './scope';

/** The numbers a caseworker or lead can open: the records behind them. */
export const DRILLABLE = [
	'k1.atEnd',
	'k1.new',
	'k1.closed',
	'k2.contacts',
	'k2.form',
	'k2.kind',
	'k4.newlyAgreed',
	'k7.handovers',
	'k7.referrals',
	'k7.transfers',
	'k8.closures',
	'k9.pairs',
	'k10.cases',
	...QA_WARNINGS.map((w) => `qa.${w}` as const)
] as const;
export type Drillable = (typeof DRILLABLE)[number];

/** A record behind a number: whose, when, and what (translation keys of the vocabulary, or a day). */
export type FigureRecord = {
	id: string;
	participantId: string;
	/** null for an anonymised case: its name is never read. */
	name: string | null;
	at: number | null;
	detail: string[];
};

type Source = { rows: SQL };

/**
 * Each drillable figure as rows (rid, pid, at, d1, d2): the same conditions its figure counts with, so the
 * list's total equals the number clicked. `key` narrows to one part (a form, a reason, a caseworker).
 */
function sourceOf(context: FigureContext, figure: Drillable, key: string | null): Source | null {
	const { start, end, period } = context;
	const counselled = (where: SQL) =>
		sql`select s.case_id as rid, s.participant_id as pid, null as at, 'case_status.' || s.end_status as d1, null as d2
			from (${counselledCases(context)}) s where ${where}`;
	switch (figure) {
		case 'k1.atEnd':
			return { rows: counselled(sql`s.end_status in ${COUNSELLING}`) };
		case 'k1.new':
			return {
				rows: sql`select s.case_id as rid, s.participant_id as pid, (unixepoch(s.period_starts_on) * 1000) as at,
					null as d1, null as d2 from (${counselledCases(context)}) s
					where s.period_starts_on between ${period.from} and ${period.to}`
			};
		case 'k1.closed':
		case 'k8.closures': {
			if (key !== null && !(CLOSURE_REASONS as readonly string[]).includes(key)) return null;
			return {
				rows: sql`select k.id as rid, k.participant_id as pid, k.closed_at as at,
					'closure_reason.' || coalesce(k.closure_reason, 'other') as d1, null as d2
					from cases k join participants p on p.id = k.participant_id where ${context.persons}
					and k.closed_at >= ${start} and k.closed_at < ${end}
					${key === null ? sql`` : sql`and coalesce(k.closure_reason, 'other') = ${key}`}`
			};
		}
		case 'k2.contacts':
		case 'k2.form':
		case 'k2.kind': {
			let narrow = sql``;
			if (figure === 'k2.form') {
				if (key === null || !(CONTACT_FORMS as readonly string[]).includes(key)) return null;
				narrow = sql`and c.form = ${key}`;
			}
			if (figure === 'k2.kind') {
				if (key === null || !(CONTACT_KINDS as readonly string[]).includes(key)) return null;
				narrow = sql`and c.kind = ${key}`;
			}
			return {
				rows: sql`select c.id as rid, c.participant_id as pid, c.occurred_at as at, 'contact_form.' || c.form as d1,
					'contact_kind.' || c.kind as d2 from ${contactsIn(context)} ${narrow}`
			};
		}
		case 'k4.newlyAgreed': {
			const first = sql`(select min(v.agreed_at) from plan_versions v where v.participant_id = p.id and v.agreed_at is not null)`;
			return {
				rows: sql`select p.id as rid, p.id as pid, ${first} as at, null as d1, null as d2
					from participants p join cases k on k.participant_id = p.id where ${context.persons}
					and ${first} >= ${start} and ${first} < ${end}`
			};
		}
		case 'k7.handovers':
			return {
				rows: sql`select h.id as rid, k.participant_id as pid, (unixepoch(h.allocated_on) * 1000) as at, null as d1,
					null as d2 from handovers h join cases k on k.id = h.case_id join participants p on p.id = k.participant_id
					where ${context.persons} and h.allocated_on between ${period.from} and ${period.to}`
			};
		case 'k7.referrals': {
			if (key !== null && !(REFERRAL_TARGETS as readonly string[]).includes(key)) return null;
			return {
				rows: sql`select r.id as rid, r.participant_id as pid, r.created_at as at, 'referral_target.' || r.target as d1,
					'referral_status.' || r.status as d2 from referrals r join participants p on p.id = r.participant_id
					where ${context.persons} and r.created_at >= ${start} and r.created_at < ${end}
					${key === null ? sql`` : sql`and r.target = ${key}`}`
			};
		}
		case 'k7.transfers': {
			if (key !== null && !(TRANSFER_TARGETS as readonly string[]).includes(key)) return null;
			return {
				rows: sql`select cast(e.id as text) as rid, k.participant_id as pid, e.created_at as at,
					'transfer_target.' || json_extract(e.detail, '$.target') as d1, null as d2 from case_events e
					join cases k on k.id = e.case_id join participants p on p.id = k.participant_id
					where ${context.persons} and e.kind = 'transferred' and e.created_at >= ${start} and e.created_at < ${end}
					${key === null ? sql`` : sql`and json_extract(e.detail, '$.target') = ${key}`}`
			};
		}
		case 'k9.pairs':
			return {
				rows: sql`select k.id as rid, k.participant_id as pid, k.closed_at as at, 'german_level.' || en.german_level as d1,
					'german_level.' || ex.german_level as d2 from ${pairsIn(context)}`
			};
		case 'k10.cases': {
			const load = sql`s.end_status in ('referred', 'active', 'paused')`;
			const narrow =
				key === null
					? sql``
					: sql`and s.participant_id in (select participant_id from assignments where caseworker_id = ${key} and ended_at is null)`;
			return { rows: counselled(sql`${load} ${narrow}`) };
		}
		default: {
			const warning = figure.slice(3) as QaWarning;
			const { from, at } = qaSource(context, warning);
			return {
				rows: sql`select p.id as rid, p.id as pid, ${at} as at, ${`report.qa.${warning}`} as d1, null as d2 from ${from}`
			};
		}
	}
}

export type RecordsPage = Page<FigureRecord> & { hidden: number };

/**
 * The records behind one number, 50 at a time, newest first: only the persons the actor may open now (their
 * caseload under the policy module); the others are counted ("3 more records you can no longer open").
 * Null for the coordinator (aggregates only) and for a figure or part that does not exist.
 */
export async function figureRecords(
	access: ReportAccess,
	period: ReportPeriod,
	figure: string,
	key: string | null,
	cursor: string | null,
	today?: string
): Promise<RecordsPage | null> {
	if (!access.drillDown || !(DRILLABLE as readonly string[]).includes(figure)) return null;
	const context = figureContext(access, period, today);
	const source = sourceOf(context, figure as Drillable, key);
	const visible = caseloadCondition(access.actor);
	if (source === null || visible === null) return null;
	const all = sql`(${source.rows}) r`;
	const mine = sql`r.pid in (select participants.id from participants where ${visible})`;
	const { n: total } = db.get<{ n: number }>(sql`select count(*) as n from ${all}`);
	const page = await keysetPage<FigureRecord & { sortAt: number }>({
		list: `figures:${figure}:${key ?? ''}`,
		cursor,
		columns: [sql`coalesce(r.at, 0)`, sql`r.rid`],
		descending: true,
		keyOf: (row) => [row.sortAt, row.id],
		rows: async (keyCondition, orderBy, limit) =>
			db
				.all<{
					id: string;
					pid: string;
					at: number | null;
					d1: string | null;
					d2: string | null;
					givenName: string | null;
					familyName: string | null;
				}>(
					sql`select r.rid as id, r.pid as pid, r.at as at, r.d1 as d1, r.d2 as d2,
					case when k.anonymised_at is null then p.given_name end as givenName,
					case when k.anonymised_at is null then p.family_name end as familyName
					from ${all} join participants p on p.id = r.pid join cases k on k.participant_id = r.pid
					where ${mine} ${keyCondition === undefined ? sql`` : sql`and ${keyCondition}`}
					order by ${sql.join(orderBy, sql`, `)} limit ${limit}`
				)
				.map((row) => ({
					id: row.id,
					participantId: row.pid,
					name: row.givenName === null ? null : `${row.givenName} ${row.familyName}`,
					at: row.at,
					sortAt: row.at ?? 0,
					detail: [row.d1, row.d2].filter((d): d is string => d !== null)
				})),
		count: async () => db.get<{ n: number }>(sql`select count(*) as n from ${all} where ${mine}`).n
	});
	return { ...page, hidden: total - page.total };
}
