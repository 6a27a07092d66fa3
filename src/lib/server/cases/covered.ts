import { aliasedTable, and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import { dayInGermany } from '$lib/i18n/format';
import { db } from '../db';
import { assignments, covers, participants, users } from '../db/schema';
import type { AccessTo } from '../policy';

// What covers show: the lead's list, the covering caseworker's marks, the participant's view. Writes: covers.ts.
const absent = aliasedTable(users, 'absent');
const covering = aliasedTable(users, 'covering');

export type CoverRow = Awaited<ReturnType<typeof coversOf>>[number];

/**
 * The lead's list: covers running or planned, then those that ended in the last 30 days. Bounded by the
 * organisation's staff and a month, so not paged.
 */
export async function coversOf(organisationId: string, today = dayInGermany()) {
	const recent = dayInGermany(new Date(Date.parse(`${today}T12:00:00Z`) - 30 * 86_400_000));
	const rows = await db
		.select({
			id: covers.id,
			absentName: absent.displayName,
			coverName: covering.displayName,
			participantId: covers.participantId,
			givenName: participants.givenName,
			familyName: participants.familyName,
			startsOn: covers.startsOn,
			endsOn: covers.endsOn,
			endedAt: covers.endedAt,
			note: covers.note
		})
		.from(covers)
		.innerJoin(absent, eq(absent.id, covers.absentId))
		.innerJoin(covering, eq(covering.id, covers.coverId))
		.leftJoin(participants, eq(participants.id, covers.participantId))
		.where(and(eq(absent.organisationId, organisationId), gte(covers.endsOn, recent)))
		.orderBy(desc(covers.endsOn), asc(covers.startsOn))
		.limit(200);
	return rows.map((r) => {
		const over = r.endedAt !== null || r.endsOn < today;
		return { ...r, state: over ? 'ended' : r.startsOn > today ? 'planned' : 'running' } as const;
	});
}

export type CoveredFor = { absentName: string; endsOn: string };

/** For the rows of a caseload page: whom the actor covers for on each covered case, and until when. */
export async function coveredFor(
	caseworkerId: string,
	participantIds: string[],
	today = dayInGermany()
): Promise<Map<string, CoveredFor>> {
	const found = new Map<string, CoveredFor>();
	if (participantIds.length === 0) return found;
	const rows = await db
		.select({ participantId: assignments.participantId, absentName: absent.displayName, endsOn: covers.endsOn })
		.from(covers)
		.innerJoin(absent, eq(absent.id, covers.absentId))
		.innerJoin(
			assignments,
			and(
				eq(assignments.caseworkerId, covers.absentId),
				isNull(assignments.endedAt),
				or(isNull(covers.participantId), eq(covers.participantId, assignments.participantId))
			)
		)
		.where(
			and(
				eq(covers.coverId, caseworkerId),
				inArray(assignments.participantId, participantIds),
				lte(covers.startsOn, today),
				gte(covers.endsOn, today),
				isNull(covers.endedAt)
			)
		);
	for (const row of rows) found.set(row.participantId, { absentName: row.absentName, endsOn: row.endsOn });
	return found;
}

/**
 * For "who saw my data": the audit entries written while their author covered for the person's caseworker,
 * with the absent colleague's name. Derived from the covers and the assignment history, so every writer of
 * the audit log stays as it is.
 */
export async function coverBehind(
	participantId: string,
	entries: { id: number; at: Date; actorId: string | null }[]
): Promise<Map<number, string>> {
	const behind = new Map<number, string>();
	const actorIds = [...new Set(entries.map((e) => e.actorId).filter((id) => id !== null))];
	if (actorIds.length === 0) return behind;
	const rows = await db
		.select({
			coverId: covers.coverId,
			absentName: absent.displayName,
			startsOn: covers.startsOn,
			endsOn: covers.endsOn,
			endedAt: covers.endedAt,
			assignedFrom: assignments.startedAt,
			assignedUntil: assignments.endedAt
		})
		.from(covers)
		.innerJoin(absent, eq(absent.id, covers.absentId))
		.innerJoin(
			assignments,
			and(eq(assignments.caseworkerId, covers.absentId), eq(assignments.participantId, participantId))
		)
		.where(
			and(inArray(covers.coverId, actorIds), or(isNull(covers.participantId), eq(covers.participantId, participantId)))
		);
	for (const entry of entries) {
		const day = dayInGermany(entry.at);
		const match = rows.find(
			(r) =>
				r.coverId === entry.actorId &&
				r.startsOn <= day &&
				r.endsOn >= day &&
				(r.endedAt === null || r.endedAt > entry.at) &&
				r.assignedFrom <= entry.at &&
				(r.assignedUntil === null || r.assignedUntil > entry.at)
		);
		if (match !== undefined) behind.set(entry.id, match.absentName);
	}
	return behind;
}

/** For the participant's own page: who stands in for her caseworker today, and until when; null if nobody. */
export async function coverToday(access: AccessTo<'participant'>, today = dayInGermany()) {
	const row = await db
		.select({ name: covering.displayName, phone: covering.phone, endsOn: covers.endsOn })
		.from(covers)
		.innerJoin(covering, eq(covering.id, covers.coverId))
		.innerJoin(
			assignments,
			and(
				eq(assignments.participantId, access.participantId),
				isNull(assignments.endedAt),
				eq(assignments.caseworkerId, covers.absentId)
			)
		)
		.where(
			and(
				or(isNull(covers.participantId), eq(covers.participantId, access.participantId)),
				lte(covers.startsOn, today),
				gte(covers.endsOn, today),
				isNull(covers.endedAt)
			)
		)
		.orderBy(desc(covers.endsOn))
		.limit(1)
		.get();
	return row ?? null;
}
