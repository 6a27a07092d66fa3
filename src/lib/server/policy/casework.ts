import { grant, type AccessTo, type Actor, type Relation } from './access';
import { standingOf } from './relation';

/**
 * Case work on one participant's case: contacts, case notes, assessments, referrals, the case's course.
 * null means nothing (404). Volunteers never see case work: it is the professional's record (§ 203 StGB).
 * The participant reads her own case: status and period, her meetings (never their staff notes) and the
 * notes shared with her.
 */
export type CaseWorkAccess = AccessTo<'casework'> & {
	readonly actor: Actor;
	readonly relation: Exclude<Relation, 'consented_volunteer'>;
	/** Record and correct contacts, notes, assessments and referrals; pause, transfer, ask to close or extend. */
	recordWork: boolean;
	/** Staff-only notes and contact notes. */
	readStaffNotes: boolean;
	/** Sensitive notes (health, family conflict): the assigned caseworker and the lead only, every read audited. */
	readSensitiveNotes: boolean;
	/** The team lead: approves extensions and the closures that need sign-off, reassigns and arranges cover. */
	approve: boolean;
};

export async function caseWorkAccess(actor: Actor, participantId: string): Promise<CaseWorkAccess | null> {
	const { relation } = await standingOf(actor, participantId);
	if (relation === null || relation === 'consented_volunteer') return null;
	const staff = relation !== 'self';
	return grant<CaseWorkAccess>({
		participantId,
		actor,
		relation,
		recordWork: staff,
		readStaffNotes: staff,
		readSensitiveNotes: relation === 'assigned_caseworker' || relation === 'organisation_lead',
		approve: relation === 'organisation_lead'
	});
}
