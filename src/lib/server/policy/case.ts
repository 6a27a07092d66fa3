import type { ConsentScope } from '$lib/domain';
import { grant, type AccessTo, type Actor, type Relation } from './access';
import { standingOf } from './relation';

/**
 * The case record itself (details, consents, corrections) for the participant and the staff responsible;
 * null means nothing (404). Volunteers never open the case record: they get `helpingAccess`.
 */
export type CaseAccess = AccessTo<'participant' | 'consents' | 'rights'> & {
	readonly actor: Actor;
	readonly relation: Exclude<Relation, 'consented_volunteer'>;
	/** Name, status, household, town. */
	editCase: boolean;
	/** Phone, e-mail and address: the participant corrects them without asking anyone. */
	correctOwnContact: boolean;
	issueInvitation: boolean;
	assignCaseworker: boolean;
	/** In the app only the participant grants, renews and withdraws sharing. */
	grantInApp: boolean;
	withdrawConsent: boolean;
	/** On paper a caseworker records a grant at the participant's request; staff may also end one, with a reason. */
	recordPaperConsent: boolean;
	revokeConsent: boolean;
	/** Correction requests (GDPR Art. 16) are recorded and decided by staff. */
	handleCorrections: boolean;
};

export async function caseAccess(actor: Actor, participantId: string): Promise<CaseAccess | null> {
	const { relation } = await standingOf(actor, participantId);
	if (relation === null || relation === 'consented_volunteer') return null;
	const self = relation === 'self';
	return grant<CaseAccess>({
		participantId,
		actor,
		relation,
		editCase: !self,
		correctOwnContact: self,
		issueInvitation: !self,
		assignCaseworker: relation === 'organisation_lead',
		grantInApp: self,
		withdrawConsent: self,
		recordPaperConsent: !self,
		revokeConsent: !self,
		handleCorrections: !self
	});
}

/** A volunteer's view of one person: what that person shares with them now; null once nothing is shared. */
export type HelpingAccess = AccessTo<'participant'> & {
	readonly actor: Actor;
	readonly relation: 'consented_volunteer';
	readonly scopes: ReadonlySet<ConsentScope>;
	readContact: boolean;
	seePlan: boolean;
	seeAppointments: boolean;
	seeDocuments: boolean;
};

export async function helpingAccess(actor: Actor, participantId: string): Promise<HelpingAccess | null> {
	const { relation, scopes } = await standingOf(actor, participantId);
	if (relation !== 'consented_volunteer') return null;
	return grant<HelpingAccess>({
		participantId,
		actor,
		relation,
		scopes,
		readContact: scopes.has('contact.read'),
		seePlan: scopes.has('plan.read') || scopes.has('plan.edit'),
		seeAppointments: scopes.has('appointments.read') || scopes.has('appointments.edit'),
		seeDocuments: [...scopes].some((s) => s.startsWith('documents.read.'))
	});
}
