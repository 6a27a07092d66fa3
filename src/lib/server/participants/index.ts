import { error } from '@sveltejs/kit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAudit, recordAuditIn } from '../audit';
import { recordNewHandoverIn } from '../cases/handover';
import { openCaseIn } from '../cases/rows';
import type { HandoverFields } from '../cases/schema';
import { db } from '../db';
import { assignments, households, organisations, participants, users } from '../db/schema';
import {
	byOther,
	caseAccess,
	canCorrectOwnContact,
	canCreateParticipants,
	canEditParticipant,
	canReadParticipant,
	type AccessTo,
	type Actor,
	type AnyAccess,
	type HelpingAccess
} from '../policy';
import type { ContactInput, ParticipantInput } from './schema';

export type SaveResult = { saved: true; id: string } | { saved: false; reason: 'town_unknown' | 'household_unknown' };

/**
 * Opens one participant's record for an actor, or 404 — the same answer whether the record does not
 * exist or the actor may not see it, so ids cannot be probed. Every look by someone else is audited.
 */
export async function openParticipant(actor: Actor, participantId: string) {
	const access = await caseAccess(actor, participantId);
	if (access === null) error(404, 'error.not_found');
	const { relation } = access;
	const [row] = await db
		.select({ participant: participants, townName: organisations.name })
		.from(participants)
		.innerJoin(organisations, eq(participants.townId, organisations.id))
		.where(eq(participants.id, participantId));
	if (row === undefined) error(404, 'error.not_found');
	if (byOther(access)) await recordAudit({ actor, action: 'participant.viewed', participantId });
	const [caseworker, household] = await Promise.all([currentCaseworker(access), householdOf(row.participant)]);
	// A family sees each other; staff see only the members whose case they may open themselves.
	const householdMembers =
		relation === 'self' ? household : await filterAsync(household, (m) => canReadParticipant(actor, m.id));
	return {
		...row,
		access,
		relation,
		caseworker,
		householdMembers,
		hasAccount: row.participant.userId !== null
	};
}

/** Whose case it is now: shown to the person, the volunteers' contacts and on booking pages. */
export async function currentCaseworker(access: AnyAccess | AccessTo<'rights'>) {
	const [row] = await db
		.select({
			id: users.id,
			displayName: users.displayName,
			phone: users.phone,
			email: users.email,
			organisationName: organisations.name
		})
		.from(assignments)
		.innerJoin(users, eq(assignments.caseworkerId, users.id))
		.leftJoin(organisations, eq(users.organisationId, organisations.id))
		.where(and(eq(assignments.participantId, access.participantId), isNull(assignments.endedAt)));
	return row ?? null;
}

async function filterAsync<T>(items: T[], keep: (item: T) => Promise<boolean>): Promise<T[]> {
	const verdicts = await Promise.all(items.map(keep));
	return items.filter((_, i) => verdicts[i]);
}

async function householdOf(participant: { id: string; householdId: string | null }) {
	if (participant.householdId === null) return [];
	const members = await db
		.select({ id: participants.id, givenName: participants.givenName, familyName: participants.familyName })
		.from(participants)
		.where(eq(participants.householdId, participant.householdId))
		.orderBy(asc(participants.givenName));
	return members.filter((m) => m.id !== participant.id);
}

async function townExists(townId: string): Promise<boolean> {
	const [town] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(and(eq(organisations.id, townId), eq(organisations.kind, 'town')));
	return town !== undefined;
}

/**
 * A caseworker's new participant is assigned to them; a team lead assigns later. Her case opens "referred";
 * a handover from the shelter's social services, typed on the same form, is recorded with it.
 */
export async function createParticipant(
	actor: Actor,
	input: ParticipantInput,
	handover: HandoverFields | null = null
): Promise<SaveResult> {
	if (!canCreateParticipants(actor) || actor.organisationId === null) error(404, 'error.not_found');
	if (!(await townExists(input.townId))) return { saved: false, reason: 'town_unknown' };
	if (input.householdId !== '') {
		// Joining a household is only possible through a member the actor may edit.
		const [member] = await db
			.select({ id: participants.id })
			.from(participants)
			.where(eq(participants.householdId, input.householdId))
			.limit(1);
		if (member === undefined || !(await canEditParticipant(actor, member.id))) {
			return { saved: false, reason: 'household_unknown' };
		}
	}
	const id = crypto.randomUUID();
	const organisationId = actor.organisationId;
	db.transaction((tx) => {
		let householdId = input.householdId;
		if (householdId === '') {
			householdId = crypto.randomUUID();
			tx.insert(households).values({ id: householdId, name: input.familyName }).run();
		}
		const { householdId: _ignored, birthDate, ...fields } = input;
		tx.insert(participants)
			.values({ id, organisationId, householdId, birthDate: birthDate === '' ? null : birthDate, ...fields })
			.run();
		if (actor.role === 'caseworker') {
			tx.insert(assignments).values({ participantId: id, caseworkerId: actor.id, assignedBy: actor.id }).run();
		}
		openCaseIn(tx, id, { actorId: actor.id });
		recordAuditIn(tx, { actor, action: 'participant.created', participantId: id });
		if (handover !== null) recordNewHandoverIn(tx, actor, id, handover);
	});
	return { saved: true, id };
}

export async function updateParticipant(
	actor: Actor,
	participantId: string,
	input: ParticipantInput
): Promise<SaveResult> {
	if (!(await canEditParticipant(actor, participantId))) error(404, 'error.not_found');
	if (!(await townExists(input.townId))) return { saved: false, reason: 'town_unknown' };
	const { householdId: _household, birthDate, ...fields } = input;
	db.transaction((tx) => {
		tx.update(participants)
			.set({ ...fields, birthDate: birthDate === '' ? null : birthDate, updatedAt: new Date() })
			.where(eq(participants.id, participantId))
			.run();
		recordAuditIn(tx, { actor, action: 'participant.updated', participantId, detail: { fields: Object.keys(fields) } });
	});
	return { saved: true, id: participantId };
}

/** What a participant may correct on their own, without asking anyone. */
export async function correctOwnContact(actor: Actor, participantId: string, input: ContactInput): Promise<void> {
	if (!(await canCorrectOwnContact(actor, participantId))) error(404, 'error.not_found');
	db.transaction((tx) => {
		tx.update(participants)
			.set({ ...input, updatedAt: new Date() })
			.where(eq(participants.id, participantId))
			.run();
		recordAuditIn(tx, { actor, action: 'participant.contact_corrected', participantId });
	});
}

/** Name and language for a page header; the caller's access was audited where it was opened. */
export async function participantSummary(access: AnyAccess) {
	const [row] = await db
		.select({
			id: participants.id,
			givenName: participants.givenName,
			familyName: participants.familyName,
			language: participants.language,
			userId: participants.userId
		})
		.from(participants)
		.where(eq(participants.id, access.participantId));
	if (row === undefined) error(404, 'error.not_found');
	return row;
}

/**
 * What a volunteer sees of the person they help: the name, and contact details only if shared. Audited: every
 * look by a volunteer is someone else's look.
 */
export async function helpedPerson(access: HelpingAccess) {
	const [person] = await db.select().from(participants).where(eq(participants.id, access.participantId));
	if (person === undefined) error(404, 'error.not_found');
	await recordAudit({
		actor: access.actor,
		action: 'participant.viewed',
		participantId: person.id,
		detail: { as: 'volunteer', contact: access.readContact }
	});
	return {
		name: `${person.givenName} ${person.familyName}`,
		contact: access.readContact ? { phone: person.phone, email: person.email, address: person.address } : null
	};
}
