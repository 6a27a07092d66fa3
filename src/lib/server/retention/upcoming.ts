import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import { dayInGermany } from '$lib/i18n/format';
import { recordAudit } from '../audit';
import { addMonths } from '../cases/period';
import { db } from '../db';
import { cases, organisations, participants } from '../db/schema';
import { keysetPage } from '../db/keyset';
import type { Actor } from '../policy';
import { anonymisedFrom, dueOn } from './due';

/** The dry run looks this far ahead: whatever is due by then shows, including what is overdue today. */
export const HORIZON_MONTHS = 1;

export function horizonDay(now = new Date()): string {
	return addMonths(dayInGermany(now), HORIZON_MONTHS);
}

function rowsDue(horizon: string, extra: SQL | undefined) {
	return and(dueOn(horizon), extra);
}

/** The admin's overview: how many cases each organisation will have anonymised by the horizon; no case data. */
export async function dueCountsByOrganisation(horizon: string) {
	return db
		.select({ organisation: organisations.name, years: organisations.retentionYears, cases: count() })
		.from(cases)
		.innerJoin(participants, eq(participants.id, cases.participantId))
		.innerJoin(organisations, eq(organisations.id, participants.organisationId))
		.where(dueOn(horizon))
		.groupBy(organisations.id)
		.orderBy(asc(organisations.name));
}

type DueRow = {
	caseId: string;
	participantId: string;
	organisation: string;
	years: number;
	closedAt: Date;
	givenName: string;
	familyName: string;
};

function duePage(list: string, cursor: string | null, horizon: string, extra?: SQL) {
	const where = rowsDue(horizon, extra);
	const from = () =>
		db
			.select({
				caseId: cases.id,
				participantId: participants.id,
				organisation: organisations.name,
				years: organisations.retentionYears,
				closedAt: cases.closedAt,
				givenName: participants.givenName,
				familyName: participants.familyName
			})
			.from(cases)
			.innerJoin(participants, eq(participants.id, cases.participantId))
			.innerJoin(organisations, eq(organisations.id, participants.organisationId));
	return keysetPage<DueRow>({
		list,
		cursor,
		columns: [cases.closedAt, cases.id],
		keyOf: (r) => [r.closedAt.getTime(), r.caseId],
		rows: async (key, orderBy, limit) =>
			(await from()
				.where(and(where, key))
				.orderBy(...orderBy)
				.limit(limit)) as DueRow[],
		count: async () =>
			(
				await db
					.select({ n: count() })
					.from(cases)
					.innerJoin(participants, eq(participants.id, cases.participantId))
					.innerJoin(organisations, eq(organisations.id, participants.organisationId))
					.where(where)
			)[0].n
	});
}

const dueDates = (r: DueRow) => {
	const closedOn = dayInGermany(r.closedAt);
	return { closedOn, anonymisedOn: anonymisedFrom(closedOn, r.years) };
};

/** The admin's list: organisation, closure and anonymisation dates only; the admin sees no case data. */
export async function dueForAdmin(cursor: string | null, horizon: string) {
	const page = await duePage('retention-admin', cursor, horizon);
	return { ...page, rows: page.rows.map((r) => ({ caseId: r.caseId, organisation: r.organisation, ...dueDates(r) })) };
}

/**
 * The lead's list: their organisation's cases with names and links, so a case can be reopened in time. Showing
 * names is a look at those people, recorded like every list that names them.
 */
export async function dueForLead(actor: Actor, cursor: string | null, horizon: string) {
	if (actor.role !== 'lead' || actor.organisationId === null) return null;
	const page = await duePage('retention-lead', cursor, horizon, eq(participants.organisationId, actor.organisationId));
	const shown = page.rows.map((r) => r.participantId);
	if (shown.length > 0) await recordAudit({ actor, action: 'caseload.viewed', detail: { retention: true, shown } });
	return {
		...page,
		rows: page.rows.map((r) => ({
			participantId: r.participantId,
			givenName: r.givenName,
			familyName: r.familyName,
			...dueDates(r)
		}))
	};
}
