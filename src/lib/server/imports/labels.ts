import { RESIDENCE_STATUSES, type ResidenceStatus } from '../../domain';
import { LOCALES, type Locale } from '../../i18n/locales';

/** Lower case, without spaces and punctuation ("§ 24 AufenthG" → "§24aufenthg"), for matching labels. */
export function labelKey(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}§]/gu, '');
}

// Residence statuses as counties write them in their sheets; the codes themselves are accepted too.
const STATUS_LABELS: Record<ResidenceStatus, string[]> = {
	refugee: ['Flüchtlingsanerkennung', 'anerkannter Flüchtling', 'Flüchtlingseigenschaft', 'Flüchtling', 'GFK'],
	subsidiary_protection: ['subsidiärer Schutz', 'subsidiär', 'subsidiär schutzberechtigt'],
	asylum: ['Asylberechtigung', 'asylberechtigt', 'Asyl', 'Art. 16a GG'],
	other_permit: ['Aufenthaltserlaubnis', 'sonstige Aufenthaltserlaubnis', 'Abschiebungsverbot'],
	family_reunification: ['Familiennachzug', 'Familienzusammenführung'],
	gestattung: ['Gestattung', 'Aufenthaltsgestattung', 'im Asylverfahren'],
	duldung: ['Duldung', 'geduldet'],
	temporary_protection: ['§ 24', '§ 24 AufenthG', 'vorübergehender Schutz'],
	settlement_permit: ['Niederlassungserlaubnis', 'Daueraufenthalt', 'Daueraufenthalt-EU'],
	naturalised: ['eingebürgert', 'Einbürgerung']
};

const LANGUAGE_LABELS: Record<Locale, string[]> = {
	de: ['Deutsch', 'German'],
	en: ['Englisch', 'English'],
	ar: ['Arabisch', 'Arabic', 'العربية'],
	fa: ['Farsi', 'Persisch', 'Farsi/Persisch', 'Dari', 'Persian', 'فارسی'],
	ti: ['Tigrinya', 'Tigrinisch', 'Tigrigna', 'ትግርኛ']
};

function lookup<T extends string>(codes: readonly T[], labels: Record<T, string[]>): Map<string, T> {
	const map = new Map<string, T>();
	for (const code of codes) {
		map.set(labelKey(code), code);
		for (const label of labels[code]) map.set(labelKey(label), code);
	}
	return map;
}

const statuses = lookup(RESIDENCE_STATUSES, STATUS_LABELS);
const languages = lookup(LOCALES, LANGUAGE_LABELS);

export function residenceStatusOf(text: string): ResidenceStatus | null {
	return statuses.get(labelKey(text)) ?? null;
}

export function languageOf(text: string): Locale | null {
	return languages.get(labelKey(text)) ?? null;
}

/** The German label a sample sheet writes for a status (the first one listed). */
export function germanStatusLabel(status: ResidenceStatus): string {
	return STATUS_LABELS[status][0]!;
}

// Excel counts days from 1899-12-30 (its 1900 leap-year bug makes that the zero for every date after February 1900).
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** A birth date as counties write it: 31.01.1990, 1.2.1990, 1990-01-31, or an Excel serial number; null if none. */
export function parseBirthDate(text: string, today: string): string | null {
	let iso: string | null = null;
	const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
	if (german !== null) iso = `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
	else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) iso = text;
	// Five digits only: "1990" alone is a year, not day 1990 of 1900 (serials reach five digits in 1927).
	else if (/^\d{5}$/.test(text)) {
		iso = new Date(EXCEL_EPOCH_MS + Number(text) * 86_400_000).toISOString().slice(0, 10);
	}
	if (iso === null) return null;
	const date = new Date(`${iso}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso)) return null;
	return iso >= '1900-01-01' && iso <= today ? iso : null;
}
