import ExcelJS from 'exceljs';
import Papa from 'papaparse';

/** A sheet larger than this is not a county's caseload (5,000 rows are well under 1 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** More rows than this are refused rather than imported in one long transaction. */
export const MAX_IMPORT_ROWS = 10_000;

export type Sheet = { headers: string[]; rows: string[][] };
export type ReadResult =
	| { ok: true; sheet: Sheet }
	| { ok: false; reason: 'import.file_empty' | 'import.file_type' | 'import.file_too_large' | 'import.too_many_rows' };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/** The first sheet of an .xlsx or a .csv file, as text cells; the kind is decided by the bytes, not the name alone. */
export async function readSheet(bytes: Uint8Array, fileName: string): Promise<ReadResult> {
	if (bytes.length === 0) return { ok: false, reason: 'import.file_empty' };
	if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, reason: 'import.file_too_large' };
	const lower = fileName.toLowerCase();
	const isZip = ZIP_MAGIC.every((b, i) => bytes[i] === b);
	let table: string[][] | null = null;
	if (lower.endsWith('.xlsx') && isZip) table = await readXlsx(bytes);
	else if (lower.endsWith('.csv') && !isZip && !bytes.includes(0)) table = readCsv(bytes);
	if (table === null) return { ok: false, reason: 'import.file_type' };
	// Blank rows inside the sheet stay (and are skipped later), so row numbers match what Excel shows.
	const start = table.findIndex((row) => !isBlank(row));
	let end = table.length;
	while (end > start && isBlank(table[end - 1]!)) end--;
	const [headers, ...rows] = start < 0 ? [] : table.slice(start, end);
	if (headers === undefined || rows.length === 0) return { ok: false, reason: 'import.file_empty' };
	if (rows.length > MAX_IMPORT_ROWS) return { ok: false, reason: 'import.too_many_rows' };
	const width = headers.length;
	return {
		ok: true,
		sheet: { headers: headers.map((h) => h.trim()), rows: rows.map((r) => pad(r, width)) }
	};
}

export function isBlank(row: string[]): boolean {
	return row.every((cell) => cell.trim() === '');
}

function pad(row: string[], width: number): string[] {
	const cells = row.slice(0, width).map((c) => c.trim());
	while (cells.length < width) cells.push('');
	return cells;
}

/**
 * German Excel saves CSV as Windows-1252 unless told otherwise; a file that is valid UTF-8 (with or without BOM)
 * is read as such, anything else as Windows-1252, so "Müller" survives either way.
 */
export function decodeText(bytes: Uint8Array): string {
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return new TextDecoder('windows-1252').decode(bytes);
	}
}

function readCsv(bytes: Uint8Array): string[][] {
	const text = decodeText(bytes);
	const parsed = Papa.parse<string[]>(text, { skipEmptyLines: false, delimiter: delimiterOf(text) });
	return parsed.data.map((row) => row.map((cell) => String(cell ?? '')));
}

/**
 * German Excel writes semicolons, others commas or tabs. Decided by the header line alone: Papa's own guess looks
 * at the data too, where "Haddad, Amina" has a comma in an unquoted cell.
 */
function delimiterOf(text: string): string {
	const header = text.slice(0, text.search(/\r?\n|$/));
	const counts = [';', ',', '\t'].map((d) => [d, header.split(d).length - 1] as const);
	const [best] = [...counts].sort((a, b) => b[1] - a[1]);
	return best![1] === 0 ? ';' : best![0];
}

async function readXlsx(bytes: Uint8Array): Promise<string[][] | null> {
	const workbook = new ExcelJS.Workbook();
	try {
		await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
	} catch {
		return null;
	}
	const sheet = workbook.worksheets[0];
	if (sheet === undefined) return [];
	const table: string[][] = [];
	// Read once: exceljs computes columnCount by walking every row (5,000 rows took 10 s asking it per row).
	const width = sheet.columnCount;
	sheet.eachRow({ includeEmpty: true }, (row) => {
		const cells: string[] = [];
		for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
		table.push(cells);
	});
	return table;
}

function cellText(value: ExcelJS.CellValue): string {
	if (value === null || value === undefined) return '';
	// Date cells arrive as UTC midnight of the day shown in Excel.
	if (value instanceof Date) return value.toISOString().slice(0, 10);
	if (typeof value === 'object') {
		if ('richText' in value) return value.richText.map((r) => r.text).join('');
		if ('text' in value) return String(value.text);
		if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
		return '';
	}
	return String(value);
}
