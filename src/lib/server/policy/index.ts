import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { DOCUMENT_CATEGORIES, type ConsentScope, type DocumentCategory, type Role } from '$lib/domain';
import { ASSIGNEES, type Assignee } from '$lib/plan';
import { consentedScopes } from '../consent/state';
import { db } from '../db';
import { assignments, participants } from '../db/schema';

/** Whoever is asking: the signed-in user, with the participant record they are (if any). */
export type Actor = { id: string; role: Role; organisationId: string | null; participantId: string | null };

/** How an actor relates to one participant's data; null means no relation, which routes answer with 404. */
export type Relation = 'self' | 'assigned_caseworker' | 'organisation_lead' | 'consented_volunteer';

/**
 * The one place that decides access to a participant's data.
 * - participant: own data only
 * - caseworker: participants currently assigned to them
 * - team lead: participants of their own organisation
 * - admin: no case data (runs the installation, not cases)
 * - volunteer: only while the participant's consent is active, and then only its scopes (see below)
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
		case 'volunteer':
			return (await consentedScopes(actor.id, participantId)).size > 0 ? 'consented_volunteer' : null;
		case 'admin':
			return null;
	}
}

/** The case record (staff pages): the participant and responsible staff; volunteers see only what was shared. */
export async function canReadParticipant(actor: Actor, participantId: string): Promise<boolean> {
	const relation = await relationTo(actor, participantId);
	return relation !== null && relation !== 'consented_volunteer';
}

/** The scopes an actor holds by consent right now; empty for everyone but volunteers. */
export async function scopesOf(actor: Actor, participantId: string): Promise<Set<ConsentScope>> {
	return actor.role === 'volunteer' ? consentedScopes(actor.id, participantId) : new Set();
}

/** Contact details: the participant, responsible staff, and volunteers given "contact" scope. */
export async function canReadContact(actor: Actor, participantId: string): Promise<boolean> {
	if (await canReadParticipant(actor, participantId)) return true;
	return (await scopesOf(actor, participantId)).has('contact.read');
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
	/** Whose steps this actor may tick off. */
	tickable: readonly Assignee[];
	proposeGoals: boolean;
	comment: boolean;
	confirmAsParticipant: boolean;
	confirmAsCaseworker: boolean;
};

export async function planAccess(actor: Actor, participantId: string): Promise<PlanAccess | null> {
	const relation = await relationTo(actor, participantId);
	if (relation === null) return null;
	if (relation === 'consented_volunteer') {
		// A volunteer reads the plan with "plan read"; with "plan edit" they also tick off the steps they help
		// with and comment, but never change goals or agree on the participant's behalf.
		const scopes = await scopesOf(actor, participantId);
		if (!scopes.has('plan.read') && !scopes.has('plan.edit')) return null;
		const edit = scopes.has('plan.edit');
		return {
			relation,
			editPlan: false,
			tickable: edit ? ['volunteer', 'participant'] : [],
			proposeGoals: false,
			comment: edit,
			confirmAsParticipant: false,
			confirmAsCaseworker: false
		};
	}
	const self = relation === 'self';
	return {
		relation,
		editPlan: !self,
		tickable: self ? ['participant'] : ASSIGNEES,
		proposeGoals: self,
		comment: true,
		confirmAsParticipant: self,
		confirmAsCaseworker: !self
	};
}

export function canTickStep(access: PlanAccess, assignee: Assignee): boolean {
	return access.tickable.includes(assignee);
}

/**
 * What an actor may do with one participant's appointments; null means nothing (404).
 * The participant answers, asks for another time, adds appointments they got by letter and books their
 * caseworker's office hours. Responsible staff make, move, cancel and close appointments. A volunteer reads
 * them with "appointments read"; with "appointments edit" they also answer and add on the person's behalf.
 */
export type AppointmentAccess = {
	relation: Relation;
	respond: boolean;
	addOwn: boolean;
	book: boolean;
	manage: boolean;
};

export async function appointmentAccess(actor: Actor, participantId: string): Promise<AppointmentAccess | null> {
	const relation = await relationTo(actor, participantId);
	if (relation === null) return null;
	if (relation === 'consented_volunteer') {
		const scopes = await scopesOf(actor, participantId);
		if (!scopes.has('appointments.read') && !scopes.has('appointments.edit')) return null;
		const edit = scopes.has('appointments.edit');
		return { relation, respond: edit, addOwn: edit, book: false, manage: false };
	}
	const self = relation === 'self';
	return { relation, respond: self, addOwn: self, book: self, manage: !self };
}

/**
 * What an actor may do with one participant's documents; null means nothing (404).
 * The participant keeps their own papers: uploads, deletes, asks for a letter to be explained. Staff
 * responsible for the case see everything, upload for them, answer questions and delete what they uploaded
 * themselves. A volunteer reads only the categories the participant shared ("documents.read.<category>").
 */
export type DocumentAccess = {
	relation: Relation;
	categories: readonly DocumentCategory[];
	upload: boolean;
	/** Delete any document (the participant), or only the ones this actor uploaded (staff). */
	deletes: 'any' | 'own' | 'none';
	editDetails: boolean;
	askExplanation: boolean;
	answerExplanation: boolean;
};

export async function documentAccess(actor: Actor, participantId: string): Promise<DocumentAccess | null> {
	const relation = await relationTo(actor, participantId);
	if (relation === null) return null;
	if (relation === 'consented_volunteer') {
		const scopes = await scopesOf(actor, participantId);
		const categories = DOCUMENT_CATEGORIES.filter((c) => scopes.has(`documents.read.${c}`));
		if (categories.length === 0) return null;
		return {
			relation,
			categories,
			upload: false,
			deletes: 'none',
			editDetails: false,
			askExplanation: false,
			answerExplanation: false
		};
	}
	const self = relation === 'self';
	return {
		relation,
		categories: DOCUMENT_CATEGORIES,
		upload: true,
		deletes: self ? 'any' : 'own',
		editDetails: true,
		askExplanation: self,
		answerExplanation: !self
	};
}

export function canReadDocument(access: DocumentAccess, document: { category: DocumentCategory }): boolean {
	return access.categories.includes(document.category);
}

export function canDeleteDocument(access: DocumentAccess, actor: Actor, document: { uploadedBy: string }): boolean {
	return access.deletes === 'any' || (access.deletes === 'own' && document.uploadedBy === actor.id);
}
