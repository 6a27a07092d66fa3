import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { MAX_SHIFT_DAYS, OTHER_TOWNS, type Dataset } from './dataset';

type Book = ExcelJS.stream.xlsx.WorkbookWriter;

// Rows are committed as they are written (exceljs' streaming writer): a county's year is tens of thousands of
// contacts, and the in-memory workbook took several times as long and held every cell at once.
function sheet(book: Book, name: string, rows: Record<string, unknown>[], fallback: string[]) {
	const headers = rows.length > 0 ? Object.keys(rows[0]) : fallback;
	const ws = book.addWorksheet(name);
	const head = ws.addRow(headers);
	head.font = { bold: true };
	head.commit();
	for (const row of rows) ws.addRow(headers.map((h) => row[h] ?? null)).commit();
	ws.commit();
}

/** What the evaluators should know about the data, in German like the state's own documents. */
function notes(data: Dataset, period: string): string[][] {
	return [
		['Anonymisierter Auswertungsdatensatz Integrationsmanagement', ''],
		['Zeitraum', period],
		['Personen', String(data.persons.length)],
		[
			'Entfernt',
			'Namen, Anschriften, Telefonnummern, E-Mail-Adressen, genaue Geburtsdaten, Freitexte, Notizen, Dokumente'
		],
		['Pseudonyme', 'Zufällig und für jeden Export neu; sie lassen sich nicht auf Personen zurückführen'],
		['Geburtsdaten', 'Nur das Geburtsjahr'],
		[
			'Datumsangaben',
			`Je Person um dieselbe zufällige Zahl von Tagen verschoben (zwischen −${MAX_SHIFT_DAYS} und +${MAX_SHIFT_DAYS})`
		],
		['Ziele', 'Nur Ziele aus dem Zielkatalog'],
		['Weggelassene Freitext-Ziele', String(data.droppedFreeTextGoals)],
		[
			`Zusammengefasst als „${OTHER_TOWNS}“ (weniger als 5 Personen)`,
			data.mergedTowns.length === 0 ? 'keine' : data.mergedTowns.join(', ')
		]
	];
}

export async function writeEvaluationWorkbook(data: Dataset, period: string): Promise<Buffer> {
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (chunk: Buffer) => chunks.push(chunk));
	const done = new Promise<void>((resolve, reject) => {
		out.on('end', resolve);
		out.on('error', reject);
	});
	// Shared strings off: each cell carries its text, which a streaming writer can do without holding a table.
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
	book.creator = 'Tandem';
	sheet(book, 'Personen', data.persons, ['Pseudonym']);
	sheet(book, 'Ziele', data.goals, ['Pseudonym']);
	sheet(book, 'Kontakte', data.contacts, ['Pseudonym']);
	sheet(book, 'Einschätzungen', data.assessments, ['Pseudonym']);
	const hints = book.addWorksheet('Hinweise', { properties: { defaultColWidth: 45 } });
	for (const row of notes(data, period)) hints.addRow(row).commit();
	hints.commit();
	await book.commit();
	await done;
	return Buffer.concat(chunks);
}
