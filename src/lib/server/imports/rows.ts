import type { ResidenceStatus } from '$lib/domain';
import type { Locale } from '$lib/i18n/locales';
import { withoutBidiControls } from '../forms';
import { labelKey, languageOf, parseBirthDate, residenceStatusOf } from './labels';
import type { Mapping } from './mapping';

/** One person a row would create. `household` is the sheet's key ("" = a household of their own). */
export type ImportPerson = {
	row: number;
	givenName: string;
	familyName: string;
	birthDate: string | null;
	household: string;
	residenceStatus: ResidenceStatus;
	townId: string;
	district: string;
	caseworkerId: string | null;
	language: Locale;
	phone: string;
};

export const REFUSAL_REASONS = [
	'import.refused_name',
	'import.refused_too_long',
	'import.refused_birth_date',
	'import.refused_status_missing',
	'import.refused_status',
	'import.refused_town',
	'import.refused_caseworker',
	'import.refused_language',
	'import.refused_phone'
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/** A row the import cannot take: its number as the spreadsheet shows it, why, and the value at fault. */
export type RowRefusal = { row: number; reason: RefusalReason; value: string };

/** What rows are checked against: the county's towns and the organisation's active caseworkers, by label. */
export type RowContext = {
	towns: Map<string, string>;
	caseworkers: Map<string, string>;
	today: string;
	/** Id → name, to show the lead what a row became. */
	names: Map<string, string>;
};

const NAME_MAX = 100;
const PHONE = /^\+?[0-9 ()/-]{5,40}$/;

/** The header is row 1, so the first person is on row 2, as the county sees it in Excel. */
export function sheetRowNumber(index: number): number {
	return index + 2;
}

export function readRow(
	cells: string[],
	index: number,
	mapping: Mapping,
	context: RowContext
): { ok: true; person: ImportPerson } | { ok: false; refusal: RowRefusal } {
	const row = sheetRowNumber(index);
	const cell = (field: keyof Mapping) => {
		const column = mapping[field];
		return column === null ? '' : withoutBidiControls(cells[column] ?? '').trim();
	};
	const refuse = (reason: RefusalReason, value = '') => ({ ok: false as const, refusal: { row, reason, value } });

	const [givenName, familyName] = nameOf(cell('givenName'), cell('familyName'), cell('name'), mapping);
	if (givenName === '' && familyName === '') return refuse('import.refused_name');
	if (givenName.length > NAME_MAX || familyName.length > NAME_MAX) return refuse('import.refused_too_long');
	const birthText = cell('birthDate');
	const birthDate = birthText === '' ? null : parseBirthDate(birthText, context.today);
	if (birthText !== '' && birthDate === null) return refuse('import.refused_birth_date', birthText);
	const statusText = cell('residenceStatus');
	if (statusText === '') return refuse('import.refused_status_missing');
	const residenceStatus = residenceStatusOf(statusText);
	if (residenceStatus === null) return refuse('import.refused_status', statusText);
	const townText = cell('town');
	const townId = context.towns.get(labelKey(townText));
	if (townId === undefined) return refuse('import.refused_town', townText);
	const caseworkerText = cell('caseworker');
	const caseworkerId = caseworkerText === '' ? null : (context.caseworkers.get(labelKey(caseworkerText)) ?? undefined);
	if (caseworkerId === undefined) return refuse('import.refused_caseworker', caseworkerText);
	const languageText = cell('language');
	// A sheet without languages: letters go out in German until the person picks a language on activation.
	const language = languageText === '' ? 'de' : languageOf(languageText);
	if (language === null) return refuse('import.refused_language', languageText);
	const phone = cell('phone');
	if (phone !== '' && !PHONE.test(phone)) return refuse('import.refused_phone', phone);
	const district = cell('district');
	if (district.length > NAME_MAX) return refuse('import.refused_too_long', district.slice(0, 40));
	return {
		ok: true,
		person: {
			row,
			givenName,
			familyName,
			birthDate,
			household: cell('household'),
			residenceStatus,
			townId,
			district,
			caseworkerId,
			language,
			phone
		}
	};
}

/** Given and family name from two columns, or from one ("Haddad, Amina" or "Amina Haddad"). */
function nameOf(given: string, family: string, whole: string, mapping: Mapping): [string, string] {
	if (mapping.givenName !== null && mapping.familyName !== null) return [given, family];
	const comma = whole.indexOf(',');
	if (comma >= 0) return [whole.slice(comma + 1).trim(), whole.slice(0, comma).trim()];
	const words = whole.split(/\s+/).filter((w) => w !== '');
	if (words.length <= 1) return ['', words[0] ?? ''];
	return [words.slice(0, -1).join(' '), words.at(-1)!];
}
