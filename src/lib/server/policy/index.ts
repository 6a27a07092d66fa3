import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Role } from '$lib/domain';
import { db } from '../db';
import { assignments, participants } from '../db/schema';

/** Whoever is asking: the signed-in user, with the participant record they are (if any). */
export type Actor = { id: string; role: Role; organisationId: string | null; participantId: string | null };

/** How an actor relates to one participant's data; null means no relation, which routes answer with 404. */
export type Relation = 'self' | 'assigned_caseworker' | 'organisation_lead';

/**
 * The one place that decides access to a participant's data.
 * - participant: own data only
 * - caseworker: participants currently assigned to them
 * - team lead: participants of their own organisation
 * - admin: no case data (runs the installation, not cases)
 * - volunteer: nothing until the participant consents (consent records arrive with the consent feature;
 *   they will add a 'consented_volunteer' relation carrying scopes)
 */
export async function relationTo(actor: Actor, participantId: string): Promise<Relation | null> {
	switch (actor.role) {
		case 'participant':
			return actor.participantId !== null && actor.participantId === participantId ? 'self' : null;
		case 'caseworker': {
			const [row] = await db
				.select({ id: assignments.id })
				.from(assignments)
				.where(
					and(
						eq(assignments.participantId, participantId),
						eq(assignments.caseworkerId, actor.id),
						isNull(assignments.endedAt)
					)
				);
			return row === undefined ? null : 'assigned_caseworker';
		}
		case 'lead': {
			if (actor.organisationId === null) return null;
			const [row] = await db
				.select({ id: participants.id })
				.from(participants)
				.where(and(eq(participants.id, participantId), eq(participants.organisationId, actor.organisationId)));
			return row === undefined ? null : 'organisation_lead';
		}
		case 'admin':
		case 'volunteer':
			return null;
	}
}

export async function canReadParticipant(actor: Actor, participantId: string): Promise<boolean> {
	return (await relationTo(actor, participantId)) !== null;
}

/** Full edit of case data (name, status, household, town): staff responsible for the case. */
export async function canEditParticipant(actor: Actor, participantId: string): Promise<boolean> {
	const relation = await relationTo(actor, participantId);
	return relation === 'assigned_caseworker' || relation === 'organisation_lead';
}

/** The participant corrects their own contact details (phone, e-mail, address) themselves. */
export async function canCorrectOwnContact(actor: Actor, participantId: string): Promise<boolean> {
	return (await relationTo(actor, participantId)) === 'self';
}

export async function canIssueInvitation(actor: Actor, participantId: string): Promise<boolean> {
	return canEditParticipant(actor, participantId);
}

export async function canAssignCaseworker(actor: Actor, participantId: string): Promise<boolean> {
	return (await relationTo(actor, participantId)) === 'organisation_lead';
}

export function canCreateParticipants(actor: Actor): boolean {
	return (actor.role === 'caseworker' || actor.role === 'lead') && actor.organisationId !== null;
}

export function canAdministerInstallation(actor: Actor): boolean {
	return actor.role === 'admin';
}

/** The caseload an actor may list, as a condition on `participants`; null means nothing at all. */
export function caseloadCondition(actor: Actor): SQL | null {
	if (actor.role === 'caseworker') {
		return sql`exists (select 1 from ${assignments} where ${assignments.participantId} = ${participants.id}
			and ${assignments.caseworkerId} = ${actor.id} and ${assignments.endedAt} is null)`;
	}
	if (actor.role === 'lead' && actor.organisationId !== null) {
		return eq(participants.organisationId, actor.organisationId);
	}
	return null;
}

/**
 * What an actor may do with one participant's integration plan; null means nothing (404).
 * The participant shapes their own plan: ticks their own steps, comments, proposes goals and confirms an
 * agreed version. Staff responsible for the case edit everything and confirm for the organisation.
 */
export type PlanAccess = {
	relation: Relation;
	editPlan: boolean;
	tickOwnSteps: boolean;
	proposeGoals: boolean;
	comment: boolean;
	confirmAsParticipant: boolean;
	confirmAsCaseworker: boolean;
};

export async function planAccess(actor: Actor, participantId: string): Promise<PlanAccess | null> {
	const relation = await relationTo(actor, participantId);
	if (relation === null) return null;
	const self = relation === 'self';
	return {
		relation,
		editPlan: !self,
		tickOwnSteps: true,
		proposeGoals: self,
		comment: true,
		confirmAsParticipant: self,
		confirmAsCaseworker: !self
	};
}

/** A participant ticks only steps that are theirs to do; staff may tick any. */
export function canTickStep(access: PlanAccess, assignee: string): boolean {
	return access.editPlan || (access.tickOwnSteps && assignee === 'participant');
}
