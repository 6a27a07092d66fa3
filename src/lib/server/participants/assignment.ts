import { error } from '@sveltejs/kit';
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { recordAudit, recordAuditIn } from '../audit';
import { db, type Tx } from '../db';
import { ChangedMeanwhile, exactlyOne, writeIfUnchanged } from '../db/conditional';
import { assignments, caseEvents, cases, participants, users } from '../db/schema';
import type { Refusal } from '../form-action';
import { canAssignCaseworker, forgetStandings, type Actor, type CaseAccess } from '../policy';

export async function caseworkersOf(organisationId: string) {
	return db
		.select({ id: users.id, displayName: users.displayName })
		.from(users)
		.where(and(eq(users.organisationId, organisationId), eq(users.role, 'caseworker'), eq(users.active, true)))
		.orderBy(asc(users.displayName));
}

/** What the lead saw and wrote: the caseworker the case had on the page (null: none) and the handover note. */
export type Handover = { seenCaseworkerId: string | null; note: string };

/**
 * In the caller's transaction: ends the current assignment (kept as history) and starts the new one, on the
 * condition that the case still has the caseworker the lead saw. A 'reassigned' case event carries the note the
 * new caseworker reads on the case.
 */
function reassignIn(tx: Tx, actor: Actor, participantId: string, caseworkerId: string, handover: Handover): void {
	const current = tx
		.select()
		.from(assignments)
		.where(and(eq(assignments.participantId, participantId), isNull(assignments.endedAt)))
		.get();
	const currentId = current?.caseworkerId ?? null;
	if (currentId !== handover.seenCaseworkerId) throw new ChangedMeanwhile();
	if (currentId === caseworkerId) return;
	if (current !== undefined) {
		exactlyOne(
			tx
				.update(assignments)
				.set({ endedAt: new Date() })
				.where(and(eq(assignments.id, current.id), isNull(assignments.endedAt)))
				.run()
		);
	}
	tx.insert(assignments).values({ participantId, caseworkerId, assignedBy: actor.id }).run();
	const { id: caseId } = tx.select({ id: cases.id }).from(cases).where(eq(cases.participantId, participantId)).get()!;
	tx.insert(caseEvents)
		.values({
			caseId,
			kind: 'reassigned',
			reason: handover.note,
			detail: { from: currentId, to: caseworkerId },
			actorId: actor.id
		})
		.run();
	recordAuditIn(tx, {
		actor,
		action: 'assignment.changed',
		participantId,
		detail: { from: currentId, to: caseworkerId }
	});
}

function noteMissing(handover: Handover): boolean {
	// A first assignment needs no handover; taking a case from someone does.
	return handover.seenCaseworkerId !== null && handover.note.trim() === '';
}

/** One case to another caseworker of the lead's organisation, with a handover note. */
export async function assignCaseworker(
	actor: Actor,
	participantId: string,
	caseworkerId: string,
	handover: Handover
): Promise<{ ok: true } | Refusal> {
	if (!(await canAssignCaseworker(actor, participantId)) || actor.organisationId === null) {
		error(404, 'error.not_found');
	}
	const eligible = await caseworkersOf(actor.organisationId);
	if (!eligible.some((c) => c.id === caseworkerId)) return { reason: 'form.pick_option', field: 'caseworkerId' };
	if (noteMissing(handover)) return { reason: 'team.handover_note_required', field: 'note' };
	const outcome = writeIfUnchanged((tx) => reassignIn(tx, actor, participantId, caseworkerId, handover));
	forgetStandings();
	return outcome.ok ? { ok: true } : { reason: outcome.reason };
}

export type BulkOutcome = { moved: number; changed: { id: string; name: string }[] };

/**
 * Many cases at once (a caseworker leaves, a district moves): one transaction, each case conditional on the
 * caseworker the lead saw. Cases someone changed meanwhile stay as they are and are named in the answer.
 */
export async function reassignCases(
	actor: Actor,
	selected: { participantId: string; seenCaseworkerId: string | null }[],
	caseworkerId: string,
	note: string
): Promise<BulkOutcome | Refusal> {
	if (actor.role !== 'lead' || actor.organisationId === null) error(404, 'error.not_found');
	if (selected.length === 0) return { reason: 'team.select_cases' };
	const eligible = await caseworkersOf(actor.organisationId);
	if (!eligible.some((c) => c.id === caseworkerId)) return { reason: 'form.pick_option', field: 'caseworkerId' };
	if (note.trim() === '') return { reason: 'team.handover_note_required', field: 'note' };
	for (const { participantId } of selected) {
		// Another organisation's case, or one that does not exist: the same 404 as everywhere.
		if (!(await canAssignCaseworker(actor, participantId))) error(404, 'error.not_found');
	}
	const changed: { id: string; name: string }[] = [];
	let moved = 0;
	db.transaction((tx) => {
		for (const { participantId, seenCaseworkerId } of selected) {
			try {
				// A savepoint per case: one that changed meanwhile rolls back alone.
				tx.transaction((inner) => reassignIn(inner, actor, participantId, caseworkerId, { seenCaseworkerId, note }));
				if (seenCaseworkerId !== caseworkerId) moved++;
			} catch (e) {
				if (!(e instanceof ChangedMeanwhile)) throw e;
				const person = tx
					.select({ givenName: participants.givenName, familyName: participants.familyName })
					.from(participants)
					.where(eq(participants.id, participantId))
					.get()!;
				changed.push({ id: participantId, name: `${person.givenName} ${person.familyName}` });
			}
		}
		if (moved > 0) {
			recordAuditIn(tx, { actor, action: 'assignment.bulk_changed', detail: { to: caseworkerId, moved } });
		}
	});
	forgetStandings();
	return { moved, changed };
}

/** The latest handover note on a case, for the staff who now hold it. */
export async function lastHandoverNote(access: CaseAccess) {
	if (access.relation === 'self') return null;
	const row = await db
		.select({ note: caseEvents.reason, at: caseEvents.at, by: users.displayName })
		.from(caseEvents)
		.innerJoin(cases, eq(cases.id, caseEvents.caseId))
		.leftJoin(users, eq(users.id, caseEvents.actorId))
		.where(and(eq(cases.participantId, access.participantId), eq(caseEvents.kind, 'reassigned')))
		.orderBy(desc(caseEvents.id))
		.limit(1)
		.get();
	return row === undefined || row.note === '' ? null : row;
}

/** For the cover page's "one case": the case and its caseworker, if the lead's organisation holds it. */
export async function caseOfCaseworker(actor: Actor, participantId: string) {
	if (!(await canAssignCaseworker(actor, participantId))) return null;
	const row = await db
		.select({
			participantId: participants.id,
			givenName: participants.givenName,
			familyName: participants.familyName,
			caseworkerId: assignments.caseworkerId
		})
		.from(participants)
		.innerJoin(assignments, and(eq(assignments.participantId, participants.id), isNull(assignments.endedAt)))
		.where(eq(participants.id, participantId))
		.get();
	if (row === undefined) return null;
	await recordAudit({ actor, action: 'participant.viewed', participantId });
	return row;
}
