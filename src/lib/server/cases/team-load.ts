import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm';
import { CASES_PER_FULL_TIME_POST, type CaseStatus } from '$lib/casework';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { exactlyOne, writeIfUnchanged } from '../db/conditional';
import { assignments, cases, organisations, participants, users } from '../db/schema';
import type { Refusal } from '../form-action';
import type { Actor } from '../policy';

/** Cases that take a caseworker's time: referred ones wait for the first contact, paused ones come back. */
export const LOAD_STATUSES = ['referred', 'active', 'paused'] as const satisfies readonly CaseStatus[];

export type CaseworkerLoad = {
	id: string;
	displayName: string;
	/** Hundredths of a full-time post. */
	fullTimeEquivalent: number;
	cases: number;
	/** Full-time equivalent × 80. */
	capacity: number;
	byPlace: { townName: string; district: string; cases: number }[];
};

/**
 * The lead's load view: every active caseworker of the organisation with their open cases against the 1:80
 * key per full-time post, split by town and district. Bounded by the organisation's staff (one grouped query).
 */
export async function teamLoad(actor: Actor): Promise<{ caseworkers: CaseworkerLoad[]; unassigned: number }> {
	if (actor.role !== 'lead' || actor.organisationId === null) return { caseworkers: [], unassigned: 0 };
	const staff = await db
		.select({ id: users.id, displayName: users.displayName, fullTimeEquivalent: users.fullTimeEquivalent })
		.from(users)
		.where(and(eq(users.organisationId, actor.organisationId), eq(users.role, 'caseworker'), eq(users.active, true)))
		.orderBy(asc(users.displayName));
	const places =
		staff.length === 0
			? []
			: await db
					.select({
						caseworkerId: assignments.caseworkerId,
						townName: organisations.name,
						district: participants.district,
						cases: count()
					})
					.from(assignments)
					.innerJoin(cases, eq(cases.participantId, assignments.participantId))
					.innerJoin(participants, eq(participants.id, assignments.participantId))
					.innerJoin(organisations, eq(organisations.id, participants.townId))
					.where(
						and(
							inArray(
								assignments.caseworkerId,
								staff.map((s) => s.id)
							),
							isNull(assignments.endedAt),
							inArray(cases.status, LOAD_STATUSES)
						)
					)
					.groupBy(assignments.caseworkerId, organisations.name, participants.district)
					.orderBy(asc(organisations.name), asc(participants.district));
	const [{ unassigned }] = await db
		.select({ unassigned: count() })
		.from(participants)
		.innerJoin(cases, eq(cases.participantId, participants.id))
		.leftJoin(assignments, and(eq(assignments.participantId, participants.id), isNull(assignments.endedAt)))
		.where(
			and(
				eq(participants.organisationId, actor.organisationId),
				isNull(assignments.id),
				inArray(cases.status, LOAD_STATUSES)
			)
		);
	return {
		unassigned,
		caseworkers: staff.map((s) => {
			const byPlace = places
				.filter((p) => p.caseworkerId === s.id)
				.map(({ townName, district, cases: n }) => ({ townName, district, cases: n }));
			return {
				...s,
				cases: byPlace.reduce((sum, p) => sum + p.cases, 0),
				capacity: Math.round((s.fullTimeEquivalent * CASES_PER_FULL_TIME_POST) / 100),
				byPlace
			};
		})
	};
}

/**
 * The lead corrects a caseworker's post (hundredths of full time), conditional on the value the form showed:
 * two leads editing at once give one result and "changed meanwhile".
 */
export async function setFullTimeEquivalent(
	actor: Actor,
	caseworkerId: string,
	seen: number,
	fullTimeEquivalent: number
): Promise<{ ok: true } | Refusal> {
	if (actor.role !== 'lead' || actor.organisationId === null) return { reason: 'error.not_found' };
	const organisationId = actor.organisationId;
	const outcome = writeIfUnchanged((tx) => {
		const found = tx
			.select({ id: users.id })
			.from(users)
			.where(and(eq(users.id, caseworkerId), eq(users.organisationId, organisationId), eq(users.role, 'caseworker')))
			.get();
		if (found === undefined) return false;
		exactlyOne(
			tx
				.update(users)
				.set({ fullTimeEquivalent })
				.where(and(eq(users.id, caseworkerId), eq(users.fullTimeEquivalent, seen)))
				.run()
		);
		recordAuditIn(tx, {
			actor,
			action: 'user.fte_changed',
			detail: { user: caseworkerId, from: seen, to: fullTimeEquivalent }
		});
		return true;
	});
	if (!outcome.ok) return { reason: outcome.reason };
	return outcome.value ? { ok: true } : { reason: 'error.not_found' };
}
