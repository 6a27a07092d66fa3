import { eq, sql, type SQL } from 'drizzle-orm';
import { DOCUMENT_CATEGORIES, type ConsentScope, type DocumentCategory } from '$lib/domain';
import { ASSIGNEES, type Assignee } from '$lib/plan';
import { dayInGermany } from '$lib/i18n/format';
import { assignments, participants } from '../db/schema';
import { coveredParticipantIds } from './cover';
import { grant, type AccessTo, type Actor, type Relation } from './access';
import { relationTo, standingOf } from './relation';

export { byOther, type AccessTo, type Actor, type Area, type FullAccess, type Relation } from './access';

/** Any access that shows whose data it is: enough for a page header (name, language). */
export type AnyAccess = AccessTo<'participant'> | AccessTo<'plan'> | AccessTo<'appointments'> | AccessTo<'documents'>;
export { forgetStandings, relationTo } from './relation';
export { caseAccess, helpingAccess, type CaseAccess, type HelpingAccess } from './case';
export { caseWorkAccess, type CaseWorkAccess } from './casework';
export { coveredParticipantIds } from './cover';
export { ownData, systemAccess, type SystemPurpose } from './system';
export { reportAccess, type ReportAccess, type ReportRequest } from './reports';

/** The case record (staff pages): the participant and responsible staff; volunteers see only what was shared. */
export async function canReadParticipant(actor: Actor, participantId: string): Promise<boolean> {
	const relation = await relationTo(actor, participantId);
	return relation !== null && relation !== 'consented_volunteer';
}

/** The scopes an actor holds by consent right now; empty for everyone but volunteers. */
export async function scopesOf(actor: Actor, participantId: string): Promise<ReadonlySet<ConsentScope>> {
	return (await standingOf(actor, participantId)).scopes;
}

/** Contact details: the participant, responsible staff, and volunteers given "contact" scope. */
export async function canReadContact(actor: Actor, participantId: string): Promise<boolean> {
	if (await canReadParticipant(actor, participantId)) return true;
	return (await scopesOf(actor, participantId)).has('contact.read');
}

/** Full edit of case data (name, status, household, town): staff responsible for the case. */
export async function canEditParticipant(actor: Actor, participantId: string): Promise<boolean> {
	const relation = await relationTo(actor, participantId);
	return relation === 'assigned_caseworker' || relation === 'covering_caseworker' || relation === 'organisation_lead';
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

/** Office hours are a caseworker's own calendar; leads assign cases but hold no consultations. */
export function canKeepOfficeHours(actor: Actor): boolean {
	return actor.role === 'caseworker';
}

/** Only a volunteer's account can take on a grant: staff see cases by assignment, never by consent. */
export function canAcceptGrant(actor: Actor): boolean {
	return actor.role === 'volunteer';
}

export function canCreateParticipants(actor: Actor): boolean {
	return (actor.role === 'caseworker' || actor.role === 'lead') && actor.organisationId !== null;
}

/** The caseload an actor may list, as a condition on `participants`; null means nothing at all. */
export function caseloadCondition(actor: Actor, today = dayInGermany()): SQL | null {
	if (actor.role === 'caseworker') {
		// IN over the caseworker's current assignments (read from their index) rather than a correlated EXISTS,
		// which SQLite would test for every participant of the installation. A colleague's cases join on the days
		// a cover applies (as relation.ts reads it), so the list and the case pages always agree.
		return sql`${participants.id} in (select ${assignments.participantId} from ${assignments}
			where ${assignments.caseworkerId} = ${actor.id} and ${assignments.endedAt} is null
			union all ${coveredParticipantIds(actor.id, today)})`;
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
export type PlanAccess = AccessTo<'plan'> & {
	readonly actor: Actor;
	readonly relation: Relation;
	editPlan: boolean;
	/** Whose steps this actor may tick off. */
	tickable: readonly Assignee[];
	proposeGoals: boolean;
	/** Only "why", in the participant's own words: the rest of a goal is agreed with staff. */
	editOwnWords: boolean;
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
		return grant<PlanAccess>({
			participantId,
			actor,
			relation,
			editPlan: false,
			tickable: edit ? ['volunteer', 'participant'] : [],
			proposeGoals: false,
			editOwnWords: false,
			comment: edit,
			confirmAsParticipant: false,
			confirmAsCaseworker: false
		});
	}
	const self = relation === 'self';
	return grant<PlanAccess>({
		participantId,
		actor,
		relation,
		editPlan: !self,
		tickable: self ? ['participant'] : ASSIGNEES,
		proposeGoals: self,
		editOwnWords: self,
		comment: true,
		confirmAsParticipant: self,
		confirmAsCaseworker: !self
	});
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
export type AppointmentAccess = AccessTo<'appointments'> & {
	readonly actor: Actor;
	readonly relation: Relation;
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
		return grant<AppointmentAccess>({
			participantId,
			actor,
			relation,
			respond: edit,
			addOwn: edit,
			book: false,
			manage: false
		});
	}
	const self = relation === 'self';
	return grant<AppointmentAccess>({
		participantId,
		actor,
		relation,
		respond: self,
		addOwn: self,
		book: self,
		manage: !self
	});
}

/**
 * What an actor may do with one participant's documents; null means nothing (404).
 * The participant keeps their own papers: uploads, deletes, asks for a letter to be explained. Staff
 * responsible for the case see everything, upload for them, answer questions and delete what they uploaded
 * themselves. A volunteer reads only the categories the participant shared ("documents.read.<category>").
 */
export type DocumentAccess = AccessTo<'documents'> & {
	readonly actor: Actor;
	readonly relation: Relation;
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
		return grant<DocumentAccess>({
			participantId,
			actor,
			relation,
			categories,
			upload: false,
			deletes: 'none',
			editDetails: false,
			askExplanation: false,
			answerExplanation: false
		});
	}
	const self = relation === 'self';
	return grant<DocumentAccess>({
		participantId,
		actor,
		relation,
		categories: DOCUMENT_CATEGORIES,
		upload: true,
		deletes: self ? 'any' : 'own',
		editDetails: true,
		askExplanation: self,
		answerExplanation: !self
	});
}

export function canReadDocument(access: DocumentAccess, document: { category: DocumentCategory }): boolean {
	return access.categories.includes(document.category);
}

export function canDeleteDocument(access: DocumentAccess, document: { uploadedBy: string }): boolean {
	return access.deletes === 'any' || (access.deletes === 'own' && document.uploadedBy === access.actor.id);
}
export { evaluationScopeOf, type EvaluationScope } from './evaluation';
