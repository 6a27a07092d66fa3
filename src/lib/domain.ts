// Names from the domain glossary (shared/DOMAIN.md); shared by server and UI.
export const ROLES = ['participant', 'caseworker', 'lead', 'volunteer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const STAFF_ROLES = ['caseworker', 'lead', 'admin'] as const satisfies readonly Role[];

export const ORGANISATION_KINDS = ['county', 'town', 'welfare'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

// The categories the state's statistics use.
export const RESIDENCE_STATUSES = [
	'refugee',
	'subsidiary_protection',
	'asylum',
	'other_permit',
	'family_reunification',
	'gestattung',
	'duldung'
] as const;
export type ResidenceStatus = (typeof RESIDENCE_STATUSES)[number];

// What a participant can share, each scope on its own. Document scopes are per document category.
export const DOCUMENT_CATEGORIES = ['identity', 'residence_permit', 'certificates', 'work', 'health', 'housing', 'letters', 'other'] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];
export const CONSENT_SCOPES = [
	'plan.read',
	'plan.edit',
	'appointments.read',
	'appointments.edit',
	'contact.read',
	...DOCUMENT_CATEGORIES.map((c) => `documents.read.${c}` as const)
] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export const CONSENT_STATES = ['pending', 'given', 'withdrawn', 'revoked', 'renewed', 'expired'] as const;
export type ConsentState = (typeof CONSENT_STATES)[number];
