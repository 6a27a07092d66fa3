import { aliasedTable, and, eq, gte, isNull, lte } from 'drizzle-orm';
import { dayInGermany } from '$lib/i18n/format';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { exactlyOne, writeIfUnchanged } from '../db/conditional';
import { assignments, caseEvents, cases, covers, participants, users } from '../db/schema';
import type { Refusal } from '../form-action';
import type { Actor } from '../policy';
import type { CoverInput } from './cover-schema';

/** A cover longer than a year is no cover but a reassignment. */
export const MAX_COVER_DAYS = 366;

const absent = aliasedTable(users, 'absent');

function activeCaseworker(organisationId: string, userId: string) {
	return db
		.select({ id: users.id })
		.from(users)
		.where(
			and(
				eq(users.id, userId),
				eq(users.organisationId, organisationId),
				eq(users.role, 'caseworker'),
				eq(users.active, true)
			)
		)
		.get();
}

function daysBetween(from: string, until: string): number {
	return Math.round((Date.parse(until) - Date.parse(from)) / 86_400_000);
}

/**
 * The lead gives a colleague of the same organisation time-boxed cover for an absent caseworker's whole caseload
 * or one of their cases. The policy reads it on the covered days only, so it starts and ends by itself.
 */
export async function giveCover(
	actor: Actor,
	input: CoverInput,
	today = dayInGermany()
): Promise<{ ok: true; id: string } | Refusal> {
	const organisationId = actor.role === 'lead' ? actor.organisationId : null;
	if (organisationId === null) return { reason: 'error.not_found' };
	if ((await activeCaseworker(organisationId, input.absentId)) === undefined) {
		return { reason: 'cover.absent_unknown', field: 'absentId' };
	}
	if (input.coverId === input.absentId || (await activeCaseworker(organisationId, input.coverId)) === undefined) {
		return { reason: 'cover.colleague_unknown', field: 'coverId' };
	}
	if (input.endsOn < input.startsOn) return { reason: 'cover.ends_before_start', field: 'endsOn' };
	if (input.endsOn < today) return { reason: 'cover.ends_in_past', field: 'endsOn' };
	if (daysBetween(input.startsOn, input.endsOn) >= MAX_COVER_DAYS) {
		return { reason: 'cover.too_long', field: 'endsOn' };
	}
	const participantId = input.participantId === '' ? null : input.participantId;
	const id = crypto.randomUUID();
	const outcome = writeIfUnchanged((tx) => {
		// The same cover twice (a double tap, a form posted again) is one cover: read inside the IMMEDIATE
		// transaction, so a second writer waits and then finds the first one.
		const same = tx
			.select({ id: covers.id })
			.from(covers)
			.where(
				and(
					eq(covers.absentId, input.absentId),
					eq(covers.coverId, input.coverId),
					participantId === null ? isNull(covers.participantId) : eq(covers.participantId, participantId),
					isNull(covers.endedAt),
					lte(covers.startsOn, input.endsOn),
					gte(covers.endsOn, input.startsOn)
				)
			)
			.get();
		if (same !== undefined) return 'overlaps' as const;
		if (participantId !== null) {
			// One case: it must be the absent caseworker's, in the lead's organisation, as the lead saw it.
			const assigned = tx
				.select({ caseId: cases.id })
				.from(assignments)
				.innerJoin(participants, eq(participants.id, assignments.participantId))
				.innerJoin(cases, eq(cases.participantId, assignments.participantId))
				.where(
					and(
						eq(assignments.participantId, participantId),
						eq(assignments.caseworkerId, input.absentId),
						isNull(assignments.endedAt),
						eq(participants.organisationId, organisationId)
					)
				)
				.get();
			if (assigned === undefined) return false;
			tx.insert(caseEvents)
				.values({
					caseId: assigned.caseId,
					kind: 'cover_started',
					reason: input.note,
					detail: { coverId: id, by: input.coverId, from: input.startsOn, until: input.endsOn },
					actorId: actor.id
				})
				.run();
		}
		tx.insert(covers)
			.values({ id, ...input, participantId, createdBy: actor.id })
			.run();
		recordAuditIn(tx, {
			actor,
			action: 'cover.given',
			participantId,
			detail: { coverId: id, absent: input.absentId, cover: input.coverId, from: input.startsOn, until: input.endsOn }
		});
		return true;
	});
	if (!outcome.ok) return { reason: outcome.reason };
	if (outcome.value === 'overlaps') return { reason: 'cover.overlaps' };
	if (!outcome.value) return { reason: 'cover.case_unknown', field: 'participantId' };
	return { ok: true, id };
}

/** Ends a running or planned cover early; conditional on it still running, so two taps end it once. */
export async function endCover(actor: Actor, coverId: string, today = dayInGermany()): Promise<{ ok: true } | Refusal> {
	const organisationId = actor.role === 'lead' ? actor.organisationId : null;
	if (organisationId === null) return { reason: 'error.not_found' };
	const row = await db
		.select({ id: covers.id, participantId: covers.participantId, organisationId: absent.organisationId })
		.from(covers)
		.innerJoin(absent, eq(absent.id, covers.absentId))
		.where(eq(covers.id, coverId))
		.get();
	if (row === undefined || row.organisationId !== organisationId) return { reason: 'error.not_found' };
	const outcome = writeIfUnchanged((tx) => {
		exactlyOne(
			tx
				.update(covers)
				.set({ endedAt: new Date() })
				.where(and(eq(covers.id, coverId), isNull(covers.endedAt), gte(covers.endsOn, today)))
				.run()
		);
		if (row.participantId !== null) {
			const { id: caseId } = tx
				.select({ id: cases.id })
				.from(cases)
				.where(eq(cases.participantId, row.participantId))
				.get()!;
			tx.insert(caseEvents).values({ caseId, kind: 'cover_ended', detail: { coverId }, actorId: actor.id }).run();
		}
		recordAuditIn(tx, { actor, action: 'cover.ended', participantId: row.participantId, detail: { coverId } });
	});
	return outcome.ok ? { ok: true } : { reason: outcome.reason };
}
