import ExcelJS from 'exceljs';
import { MAX_SHIFT_DAYS, OTHER_TOWNS, type Dataset } from './dataset';

function sheet(book: ExcelJS.Workbook, name: string, rows: Record<string, unknown>[], headers: string[]) {
	const ws = book.addWorksheet(name);
	ws.addRow(headers);
	ws.getRow(1).font = { bold: true };
	for (const row of rows) ws.addRow(headers.map((h) => row[h] ?? null));
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
	const book = new ExcelJS.Workbook();
	book.creator = 'Tandem';
	const keys = (rows: Record<string, unknown>[], fallback: string[]) =>
		rows.length > 0 ? Object.keys(rows[0]) : fallback;
	sheet(book, 'Personen', data.persons, keys(data.persons, ['Pseudonym']));
	sheet(book, 'Ziele', data.goals, keys(data.goals, ['Pseudonym']));
	sheet(book, 'Kontakte', data.contacts, keys(data.contacts, ['Pseudonym']));
	sheet(book, 'Einschätzungen', data.assessments, keys(data.assessments, ['Pseudonym']));
	const hints = book.addWorksheet('Hinweise');
	for (const row of notes(data, period)) hints.addRow(row);
	hints.getColumn(1).width = 45;
	hints.getColumn(2).width = 90;
	return Buffer.from(await book.xlsx.writeBuffer());
}
