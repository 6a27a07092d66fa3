// Importing a county's caseload of 5,000 rows (issue 14; target: dry run ≤ 10 s, import ≤ 10 s): the lead uploads a
// CSV as German Excel writes it, checks it (dry run) and imports it, against the built server on a fresh demo
// database. Times are the server's answers as the browser would wait for them, on loopback.
import ExcelJS from 'exceljs';
import { signInCookie, startServer } from './server.js';

const ROWS = Number(process.env.IMPORT_ROWS ?? 5000);
const HEADERS = [
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
const STATUSES = [
	'Flüchtlingsanerkennung',
	'subsidiärer Schutz',
	'Gestattung',
	'Duldung',
	'§ 24',
	'Niederlassungserlaubnis'
];
const LANGUAGES = ['Arabisch', 'Tigrinya', 'Farsi/Persisch', 'Englisch', 'Deutsch'];
const GIVEN = ['Amina', 'Yonas', 'Dawit', 'Leyla', 'Omid', 'Sara', 'Tesfay', 'Rahel', 'Karim', 'Nasrin'];
const LETTERS = 'bcdfghklmnprstvz';

function tag(i) {
	let s = '';
	for (let n = i; ; n = Math.floor(n / LETTERS.length)) {
		s += LETTERS[n % LETTERS.length];
		if (n < LETTERS.length) break;
	}
	return s[0].toUpperCase() + s.slice(1) + 'ano';
}

function table() {
	const lines = [HEADERS];
	for (let i = 0; i < ROWS; i++) {
		const birth = new Date(Date.UTC(1950, 0, 1) + i * 5 * 86_400_000);
		const day = `${String(birth.getUTCDate()).padStart(2, '0')}.${String(birth.getUTCMonth() + 1).padStart(2, '0')}.${birth.getUTCFullYear()}`;
		lines.push([
			`Haddad-${tag(i)}`,
			GIVEN[i % GIVEN.length],
			// Every 50th row a date that does not exist: refused with its reason.
			i % 50 === 49 ? '31.02.1990' : day,
			`H${Math.floor(i / 3)}`,
			STATUSES[i % STATUSES.length],
			i % 2 === 0 ? 'Ditzingen' : 'Hemmingen',
			'',
			i % 3 === 0 ? '' : i % 3 === 1 ? 'Sabine Keller' : 'Leyla Aydin',
			LANGUAGES[i % LANGUAGES.length],
			i % 2 === 0 ? `0171 ${1000000 + i}` : ''
		]);
	}
	return lines;
}

// IMPORT_FORMAT=xlsx: the same rows as an Excel workbook (dates as text cells, as counties often type them).
const FORMAT = process.env.IMPORT_FORMAT ?? 'csv';

async function sheetFile() {
	if (FORMAT === 'csv') {
		const text =
			table()
				.map((r) => r.join(';'))
				.join('\r\n') + '\r\n';
		return { blob: new Blob([text], { type: 'text/csv' }), name: 'faelle.csv' };
	}
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Fälle');
	for (const row of table()) sheet.addRow(row);
	return { blob: new Blob([await workbook.xlsx.writeBuffer()]), name: 'faelle.xlsx' };
}

// The mapping the page guesses from these headings (column index per field).
const MAPPING = {
	familyName: 0,
	givenName: 1,
	birthDate: 2,
	household: 3,
	residenceStatus: 4,
	town: 5,
	district: 6,
	caseworker: 7,
	language: 8,
	phone: 9
};

async function post(origin, cookie, path, body) {
	const started = performance.now();
	const response = await fetch(`${origin}${path}`, {
		method: 'POST',
		body,
		headers: { origin, cookie, accept: 'text/html' },
		redirect: 'manual'
	});
	const text = await response.text();
	return { response, text, ms: performance.now() - started };
}

function mappingForm() {
	const form = new URLSearchParams();
	for (const [field, column] of Object.entries(MAPPING)) form.set(`map_${field}`, String(column));
	return form;
}

const server = await startServer(4393);
try {
	const cookie = await signInCookie(server.origin, 'lead');
	const file = new FormData();
	const { blob, name } = await sheetFile();
	file.set('file', blob, name);
	const upload = await post(server.origin, cookie, '/import', file);
	const draft = upload.response.headers.get('location');
	if (upload.response.status !== 303 || draft === null) throw new Error(`upload: ${upload.response.status}`);
	const check = await post(server.origin, cookie, `${draft}?/check`, mappingForm());
	if (check.response.status !== 200) throw new Error(`dry run: ${check.response.status}`);
	const run = await post(server.origin, cookie, `${draft}?/run`, mappingForm());
	if (run.response.status !== 303) throw new Error(`import: ${run.response.status}`);
	const done = await fetch(`${server.origin}${run.response.headers.get('location')}`, { headers: { cookie } });
	// Rows, created, duplicates, refused, as the result page lists them.
	const counts = [...(await done.text()).matchAll(/<dd[^>]*>([^<]+)<\/dd>/g)].map((m) => m[1]);
	// The same file again: every row is now a person in Tandem, found by birth date and name.
	const again = await post(server.origin, cookie, '/import', file);
	const againDraft = again.response.headers.get('location');
	const recheck = await post(server.origin, cookie, `${againDraft}?/check`, mappingForm());
	if (recheck.response.status !== 200) throw new Error(`second dry run: ${recheck.response.status}`);
	console.log(`rows: ${ROWS} (${FORMAT}, ${(blob.size / 1024).toFixed(0)} KB)`);
	console.log(`upload (read and keep the sheet): ${(upload.ms / 1000).toFixed(2)} s`);
	console.log(`dry run: ${(check.ms / 1000).toFixed(2)} s`);
	console.log(`import: ${(run.ms / 1000).toFixed(2)} s`);
	const recounts = [...recheck.text.matchAll(/<dd[^>]*>([^<]+)<\/dd>/g)].map((m) => m[1]);
	console.log(
		`second dry run of the same file: ${(recheck.ms / 1000).toFixed(2)} s (rows, new people, households, assignments, duplicates, refused: ${recounts.join(' / ')})`
	);
	console.log(`result page (rows, created, duplicates, refused): ${counts.join(' / ')}`);
} finally {
	await server.stop();
}
