import { IMPORT_FIELDS, type ImportField } from '$lib/imports';

export { IMPORT_FIELDS, type ImportField };

/** Field → column index in the sheet, or null when the sheet has no such column. */
export type Mapping = Record<ImportField, number | null>;

// Header names as counties and their exports write them, normalised (lower case, no spaces or punctuation).
const HEADER_NAMES: Record<ImportField, string[]> = {
	name: ['name', 'namevollständig', 'vollständigername', 'fullname', 'person'],
	givenName: ['vorname', 'vornamen', 'givenname', 'firstname', 'rufname'],
	familyName: ['nachname', 'familienname', 'zuname', 'familyname', 'lastname', 'surname'],
	birthDate: ['geburtsdatum', 'geboren', 'gebdatum', 'geburtstag', 'birthdate', 'dateofbirth', 'dob'],
	household: ['haushalt', 'haushaltsnummer', 'haushaltnr', 'familie', 'bedarfsgemeinschaft', 'household', 'family'],
	residenceStatus: ['aufenthaltsstatus', 'status', 'aufenthalt', 'aufenthaltstitel', 'residencestatus'],
	town: ['gemeinde', 'ort', 'stadt', 'wohnort', 'kommune', 'town', 'city', 'municipality'],
	district: ['stadtteil', 'ortsteil', 'bezirk', 'quartier', 'district'],
	caseworker: [
		'integrationsmanager',
		'integrationsmanagerin',
		'integrationsmanagerin',
		'zuständig',
		'betreuer',
		'caseworker'
	],
	language: ['sprache', 'muttersprache', 'erstsprache', 'language'],
	phone: ['telefon', 'telefonnummer', 'tel', 'handy', 'mobil', 'phone', 'mobile']
};

export function normaliseHeader(header: string): string {
	return header.toLowerCase().replace(/[^a-zäöüß]/g, '');
}

/** The mapping a lead most likely wants; they can change every choice before the dry run. */
export function guessMapping(headers: string[]): Mapping {
	const normalised = headers.map(normaliseHeader);
	const taken = new Set<number>();
	const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as Mapping;
	for (const field of IMPORT_FIELDS) {
		const index = normalised.findIndex((h, i) => !taken.has(i) && HEADER_NAMES[field].includes(h));
		if (index >= 0) {
			mapping[field] = index;
			taken.add(index);
		}
	}
	return mapping;
}

export type MappingProblem = 'import.map_name' | 'import.map_status' | 'import.map_town' | 'import.map_twice';

/** A name (one column, or given and family), a residence status and a town are needed for every person. */
export function mappingProblem(mapping: Mapping): MappingProblem | null {
	const used = IMPORT_FIELDS.map((f) => mapping[f]).filter((c) => c !== null);
	if (new Set(used).size !== used.length) return 'import.map_twice';
	const split = mapping.givenName !== null && mapping.familyName !== null;
	if (mapping.name === null && !split) return 'import.map_name';
	if (mapping.residenceStatus === null) return 'import.map_status';
	if (mapping.town === null) return 'import.map_town';
	return null;
}

/** The mapping from a form: one select per field, the column's index or "" for none. */
export function mappingFromForm(values: Record<string, unknown>, columnCount: number): Mapping {
	const mapping = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as Mapping;
	for (const field of IMPORT_FIELDS) {
		const raw = values[`map_${field}`];
		const index = typeof raw === 'string' && /^\d{1,4}$/.test(raw) ? Number(raw) : null;
		mapping[field] = index !== null && index < columnCount ? index : null;
	}
	return mapping;
}
