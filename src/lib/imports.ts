/**
 * What a column of a county's sheet can mean (import of an existing caseload); each is mapped to at most one
 * column. Shared by the server that reads the sheet and the page where the lead maps its columns.
 */
export const IMPORT_FIELDS = [
	'name',
	'givenName',
	'familyName',
	'birthDate',
	'household',
	'residenceStatus',
	'town',
	'district',
	'caseworker',
	'language',
	'phone'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
