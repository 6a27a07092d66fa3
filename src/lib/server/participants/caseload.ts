import { and, asc, count, eq, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import { RESIDENCE_STATUSES } from '$lib/domain';
import { dayInGermany } from '$lib/i18n/format';
import { recordAudit } from '../audit';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { appointments, assignments, cases, goals, organisations, participants, plans, users } from '../db/schema';
import { attentionCondition, WORK_QUEUE_GROUPS, type WorkQueueGroup } from '../cases/attention';
import { periodOf } from '../cases/period';
import { RUNNING_STATUSES } from '../cases/period-sql';
import { coveredFor, type CoveredFor } from '../cases/covered';
import { caseloadCondition, coveredParticipantIds, type Actor } from '../policy';
import { documentAttention, documentFlagsOf } from '../documents/caseload';

/** The caseload's "needs attention" filters: its own, the work queue's groups ("show all"), covered cases. */
export const ATTENTION_FILTERS = [
	...new Set([
		'review_overdue',
		'proposals',
		'appointments',
		'documents_expiring',
		'letters',
		...WORK_QUEUE_GROUPS,
		'covered'
	] as const)
];

const filterSchema = v.object({
	q: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(100)),
	town: v.pipe(v.optional(v.string(), ''), v.maxLength(64)),
	district: v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(100)),
	status: v.optional(v.picklist(['', ...RESIDENCE_STATUSES]), ''),
	caseworker: v.pipe(v.optional(v.string(), ''), v.maxLength(64)),
	attention: v.optional(v.picklist(['', ...ATTENTION_FILTERS]), '')
});
export type CaseloadFilters = v.InferOutput<typeof filterSchema>;

function isWorkQueueGroup(s: string): s is WorkQueueGroup {
	return (WORK_QUEUE_GROUPS as readonly string[]).includes(s);
}

/** Unknown or malformed filters are dropped rather than failing the page a caseworker relies on. */
export function parseCaseloadFilters(params: URLSearchParams): CaseloadFilters {
	const entries = Object.fromEntries(params);
	const parsed = v.safeParse(filterSchema, entries);
	if (parsed.success) return parsed.output;
	return v.parse(filterSchema, {});
}

function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the actor's caseload in name order (50 at a time, by key; `cursor` from the page's links). */
export async function searchCaseload(actor: Actor, filters: CaseloadFilters, cursor: string | null = null) {
	const scope = caseloadCondition(actor);
	if (scope === null) return { rows: [], total: 0, from: 0, to: 0, next: null, previous: null };
	const conditions: SQL[] = [scope];
	if (filters.q !== '') {
		const pattern = `%${escapeLike(filters.q)}%`;
		const nameMatch = or(
			sql`${participants.givenName} like ${pattern} escape '\\'`,
			sql`${participants.familyName} like ${pattern} escape '\\'`,
			sql`(${participants.givenName} || ' ' || ${participants.familyName}) like ${pattern} escape '\\'`
		);
		if (nameMatch !== undefined) conditions.push(nameMatch);
	}
	if (filters.town !== '') conditions.push(eq(participants.townId, filters.town));
	if (filters.district !== '') conditions.push(like(participants.district, escapeLike(filters.district)));
	if (filters.status !== '') conditions.push(eq(participants.residenceStatus, filters.status));
	if (filters.caseworker === 'none') conditions.push(isNull(assignments.id));
	else if (filters.caseworker !== '') conditions.push(eq(assignments.caseworkerId, filters.caseworker));
	const today = dayInGermany();
	const now = Date.now();
	const openProposals = sql<number>`(select count(*) from ${goals} where ${goals.participantId} = ${participants.id} and ${goals.proposal} = 'proposed' and ${goals.deletedAt} is null)`;
	if (filters.attention === 'review_overdue') conditions.push(sql`${plans.nextReviewDate} < ${today}`);
	if (filters.attention === 'proposals') conditions.push(sql`${openProposals} > 0`);
	// Requests, declines and "another time, please" that wait for staff.
	const appointmentRequests = sql<number>`(select count(*) from ${appointments} where ${appointments.participantId} = ${participants.id}
		and ${appointments.awaiting} = 'staff' and ${appointments.status} in ('requested', 'confirmed', 'declined'))`;
	if (filters.attention === 'appointments') conditions.push(sql`${appointmentRequests} > 0`);
	const nextAppointment = sql<
		string | null
	>`(select json_object('startsAt', ${appointments.startsAt}, 'status', ${appointments.status}, 'awaiting', ${appointments.awaiting})
		from ${appointments} where ${appointments.participantId} = ${participants.id} and ${appointments.status} in ('requested', 'confirmed')
		and ${appointments.endsAt} > ${now} order by ${appointments.startsAt} limit 1)`;
	if (filters.attention === 'documents_expiring' || filters.attention === 'letters') {
		conditions.push(documentAttention(filters.attention, today));
	} else if (filters.attention === 'covered') {
		conditions.push(
			actor.role === 'caseworker' ? sql`${participants.id} in (${coveredParticipantIds(actor.id, today)})` : sql`0`
		);
	} else if (isWorkQueueGroup(filters.attention) && filters.attention !== 'appointments') {
		conditions.push(attentionCondition(filters.attention, { today, now }));
	}
	const where = and(...conditions);

	// Read sequentially by keysetPage (a fallback may read twice): each read sets where, order and limit anew.
	const base = db
		.select({
			id: participants.id,
			givenName: participants.givenName,
			familyName: participants.familyName,
			district: participants.district,
			residenceStatus: participants.residenceStatus,
			language: participants.language,
			hasAccount: sql<boolean>`${participants.userId} is not null`,
			townName: organisations.name,
			caseworkerName: users.displayName,
			nextReviewDate: plans.nextReviewDate,
			caseStatus: cases.status,
			periodStartsOn: cases.periodStartsOn,
			periodMonths: cases.periodMonths,
			openProposals,
			appointmentRequests,
			nextAppointment
		})
		.from(participants)
		.innerJoin(organisations, eq(participants.townId, organisations.id))
		.leftJoin(assignments, and(eq(assignments.participantId, participants.id), isNull(assignments.endedAt)))
		.leftJoin(users, eq(assignments.caseworkerId, users.id))
		.leftJoin(plans, eq(plans.participantId, participants.id))
		.leftJoin(cases, eq(cases.participantId, participants.id));
	const page = await keysetPage({
		list: 'caseload',
		cursor,
		// The id makes the order total (two people may share a name); the index on the names serves the range.
		columns: [participants.familyName, participants.givenName, participants.id],
		keyOf: (r: { familyName: string; givenName: string; id: string }) => [r.familyName, r.givenName, r.id],
		rows: (key, orderBy, limit) =>
			base
				.where(and(where, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => {
			const [{ total }] = await db
				.select({ total: count() })
				.from(participants)
				.leftJoin(assignments, and(eq(assignments.participantId, participants.id), isNull(assignments.endedAt)))
				.leftJoin(plans, eq(plans.participantId, participants.id))
				.where(where);
			return total;
		}
	});
	const { rows } = page;
	// Seeing a name in a list is seeing personal data: one entry per page view, naming who was shown.
	await recordAudit({
		actor,
		action: 'caseload.viewed',
		detail: { filters: { ...filters }, shown: rows.map((r) => r.id) }
	});
	const ids = rows.map((r) => r.id);
	const [documentFlags, covered] = await Promise.all([
		documentFlagsOf(ids, today),
		actor.role === 'caseworker' ? coveredFor(actor.id, ids, today) : new Map<string, CoveredFor>()
	]);
	return {
		rows: rows.map((r) => ({
			...r,
			documents: documentFlags.get(r.id) ?? null,
			referred: r.caseStatus === 'referred',
			periodEndsOn: periodFlag(r, today),
			coveringFor: covered.get(r.id) ?? null,
			hasAccount: Boolean(r.hasAccount),
			reviewOverdue: r.nextReviewDate !== null && r.nextReviewDate < today,
			openProposals: Number(r.openProposals),
			appointmentRequests: Number(r.appointmentRequests),
			nextAppointment: nextAppointmentOf(r.nextAppointment)
		})),
		total: page.total,
		from: page.from,
		to: page.to,
		next: page.next,
		previous: page.previous
	};
}

/** "Period ends DATE" from month 30 on (42 of 48), for cases whose period is still counting. */
function periodFlag(
	r: { caseStatus: string | null; periodStartsOn: string | null; periodMonths: number | null },
	today: string
): string | null {
	if (r.periodMonths === null || !(RUNNING_STATUSES as readonly (string | null)[]).includes(r.caseStatus)) return null;
	const period = periodOf(r.periodStartsOn, r.periodMonths, today);
	return period !== null && period.flagged ? period.endsOn : null;
}

type NextAppointment = { startsAt: Date; status: 'requested' | 'confirmed'; awaiting: 'participant' | 'staff' | null };

function nextAppointmentOf(json: string | null): NextAppointment | null {
	if (json === null) return null;
	const parsed = JSON.parse(json) as {
		startsAt: number;
		status: NextAppointment['status'];
		awaiting: NextAppointment['awaiting'];
	};
	return { ...parsed, startsAt: new Date(parsed.startsAt) };
}

/** Districts and towns for the filter menus, from the actor's own caseload only. */
export async function caseloadFacets(actor: Actor) {
	const scope = caseloadCondition(actor);
	if (scope === null) return { towns: [], districts: [] };
	const rows = await db
		.selectDistinct({ townId: participants.townId, townName: organisations.name, district: participants.district })
		.from(participants)
		.innerJoin(organisations, eq(participants.townId, organisations.id))
		.where(scope)
		.orderBy(asc(organisations.name), asc(participants.district));
	const towns = [...new Map(rows.map((r) => [r.townId, { id: r.townId, name: r.townName }])).values()];
	const districts = [...new Set(rows.map((r) => r.district).filter((d) => d !== ''))].sort((a, b) =>
		a.localeCompare(b, 'de')
	);
	return { towns, districts };
}
