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
