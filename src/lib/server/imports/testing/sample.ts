// Relative imports: the Playwright journey builds its sample sheet with this file, outside SvelteKit's aliases.
import ExcelJS from 'exceljs';
import { RESIDENCE_STATUSES } from '../../../domain';
import { germanStatusLabel } from '../labels';

/** The kinds of bad rows a sample sheet can hold, each refused for one known reason. */
export const BAD_KINDS = ['birth_date', 'status', 'town', 'caseworker', 'language', 'name', 'phone'] as const;
export type BadKind = (typeof BAD_KINDS)[number];

export const SAMPLE_HEADERS = [
	'Nachname',
	'Vorname',
	'Geburtsdatum',
	'Haushalt',
	'Aufenthaltsstatus',
	'Gemeinde',
	'Stadtteil',
	'Integrationsmanager',
	'Sprache',
	'Telefon'
];

export type Sample = { headers: string[]; rows: string[][]; bad: { row: number; kind: BadKind }[] };

const GIVEN = [
	'Amina',
	'Yonas',
	'Dawit',
	'Leyla',
	'Omid',
	'Sara',
	'Tesfay',
	'Rahel',
	'Karim',
	'Nasrin',
	'Hamid',
	'Selam'
];
const FAMILY = [
	'Haddad',
	'Tesfamariam',
	'Rahimi',
	'Kidane',
	'Azizi',
	'Yousef',
	'Gebremedhin',
	'Karimi',
	'Mahmoud',
	'Berhe'
];
const LANGUAGES = ['Arabisch', 'Tigrinya', 'Farsi/Persisch', 'Englisch', 'Deutsch'];
const LETTERS = 'bcdfghklmnprstvz';

/** A name part no other row shares: index written in consonants, so rows never look alike by accident. */
function tag(i: number): string {
	let s = '';
	let n = i;
	do {
		s += LETTERS[n % LETTERS.length];
		n = Math.floor(n / LETTERS.length);
	} while (n > 0);
	return s[0]!.toUpperCase() + s.slice(1) + 'ano';
}

/**
 * N rows of a county's sheet (German headers and labels, dd.mm.yyyy dates, households of up to three), of which
 * K are bad in known ways, spread evenly and cycling through BAD_KINDS. Row numbers are as Excel shows them.
 */
export function sampleSheet(opts: {
	rows: number;
	bad: number;
	towns: string[];
	caseworkers: string[];
	seed?: number;
}): Sample {
	const rows: string[][] = [];
	const bad: Sample['bad'] = [];
	const step = opts.bad === 0 ? Infinity : Math.floor(opts.rows / opts.bad);
	const base = Date.UTC(1950, 0, 1) + (opts.seed ?? 0) * 86_400_000;
	for (let i = 0; i < opts.rows; i++) {
		const birth = new Date(base + i * 3 * 86_400_000);
		const cells = [
			`${FAMILY[i % FAMILY.length]}-${tag(i)}`,
			GIVEN[i % GIVEN.length]!,
			`${String(birth.getUTCDate()).padStart(2, '0')}.${String(birth.getUTCMonth() + 1).padStart(2, '0')}.${birth.getUTCFullYear()}`,
			`H${Math.floor(i / 3)}`,
			germanStatusLabel(RESIDENCE_STATUSES[i % 7]!),
			opts.towns[i % opts.towns.length]!,
			i % 4 === 0 ? 'Nord' : '',
			i % 5 === 0 ? '' : opts.caseworkers[i % opts.caseworkers.length]!,
			LANGUAGES[i % LANGUAGES.length]!,
			i % 2 === 0 ? `0171 ${1000000 + i}` : ''
		];
		if (bad.length < opts.bad && i % step === step - 1) {
			const kind = BAD_KINDS[bad.length % BAD_KINDS.length]!;
			spoil(cells, kind);
			bad.push({ row: i + 2, kind });
		}
		rows.push(cells);
	}
	return { headers: SAMPLE_HEADERS, rows, bad };
}

function spoil(cells: string[], kind: BadKind): void {
	const at = (header: string) => SAMPLE_HEADERS.indexOf(header);
	if (kind === 'birth_date') cells[at('Geburtsdatum')] = '31.02.1990';
	if (kind === 'status') cells[at('Aufenthaltsstatus')] = 'Touristenvisum';
	if (kind === 'town') cells[at('Gemeinde')] = 'Atlantis';
	if (kind === 'caseworker') cells[at('Integrationsmanager')] = 'Niemand Unbekannt';
	if (kind === 'language') cells[at('Sprache')] = 'Klingonisch';
	if (kind === 'name') {
		cells[at('Nachname')] = '';
		cells[at('Vorname')] = '';
	}
	if (kind === 'phone') cells[at('Telefon')] = 'bitte anrufen';
}

/** As German Excel saves CSV: semicolons, CRLF, and Windows-1252 unless asked for UTF-8. */
export function sampleCsv(
	sample: Pick<Sample, 'headers' | 'rows'>,
	encoding: 'windows-1252' | 'utf-8' = 'utf-8'
): Uint8Array {
	const quote = (c: string) => (/[;"\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c);
	const text = [sample.headers, ...sample.rows].map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n';
	return encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeWindows1252(text);
}

// Node has no Windows-1252 encoder; the sample needs only Latin-1 letters (umlauts, ß), which share their codes.
function encodeWindows1252(text: string): Uint8Array {
	return Uint8Array.from(
		[...text].map((c) => {
			const code = c.charCodeAt(0);
			if (code > 0xff) throw new Error(`not in Windows-1252: ${c}`);
			return code;
		})
	);
}

export async function sampleXlsx(sample: Pick<Sample, 'headers' | 'rows'>): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Fälle');
	sheet.addRow(sample.headers);
	for (const row of sample.rows) sheet.addRow(row);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}
