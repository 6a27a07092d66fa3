import type { Role } from '$lib/domain';

/** Whoever is asking: the signed-in user, with the participant record they are (if any). */
export type Actor = { id: string; role: Role; organisationId: string | null; participantId: string | null };

/** How an actor relates to one participant's data; null means no relation, which routes answer with 404. */
export type Relation =
	| 'self'
	| 'assigned_caseworker'
	/** A colleague covering for the assigned caseworker, from–until; ends by itself. */
	| 'covering_caseworker'
	| 'organisation_lead'
	| 'consented_volunteer';

/** The parts of a participant's data an access object opens. */
export type Area = 'participant' | 'plan' | 'appointments' | 'documents' | 'consents' | 'rights' | 'casework';

// Never exported: outside this module no value can carry the brand, so an access object can only come from a
// policy function. A bare participant id, or a hand-written object, does not type-check where access is asked.
declare const grantedBy: unique symbol;

type Grants<A extends Area> = { readonly [grantedBy]: { readonly [K in A]: true } };

/**
 * Proof that the policy let `actor` into `participantId`'s data, for the areas in `A`. Readers and writers of
 * a participant's data take it as their first argument instead of a participant id.
 * `system` is the installation itself (the reminder clock, the demo seeder), never a person.
 */
export type AccessTo<A extends Area> = Grants<A> & {
	readonly participantId: string;
	/** null only for the system, which is no user. */
	readonly actor: Actor | null;
	readonly relation: Relation | 'system';
};

/** Access to any area: the participant's own data as a whole, and the installation's own work. */
export type FullAccess = AccessTo<Area>;

/** Only the policy module brands; the brand exists in types only, so access objects stay plain data. */
export function grant<T extends Grants<never> & { participantId: string }>(fields: Omit<T, typeof grantedBy>): T {
	return fields as T;
}

/** Did someone other than the participant look? Such looks are written to the audit log. */
export function byOther(access: { relation: Relation | 'system' }): boolean {
	return access.relation !== 'self' && access.relation !== 'system';
}
