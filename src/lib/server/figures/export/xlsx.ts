import ExcelJS from 'exceljs';
import { QA_WARNINGS, type KeyFigures, type Report } from '$lib/figures';
import { caseworkerHeader, headerRows, TITLE, type ExportMeta } from './header';
import { sheetNamer } from './sheet-names';
import { DEFINITIONS, QA_LABELS, templateSections, type Value } from './template';

export const SUMMARY_SHEET = 'Zusammenfassung';
export const NOTES_SHEET = 'Hinweise';
const SUPPRESSED = '< 5';

/**
 * The yearly report as the state's template lays it out: a summary sheet for the scope, one sheet per caseworker,
 * and the QA warnings and definitions. Counts are numbers (Excel sums them); a suppressed count is the text "< 5".
 */
export async function writeReportXlsx(report: Report, meta: ExportMeta): Promise<Buffer> {
	const book = new ExcelJS.Workbook();
	book.creator = 'Tandem';
	book.created = meta.generatedAt;
	const name = sheetNamer([SUMMARY_SHEET, NOTES_SHEET]);

	figuresSheet(book.addWorksheet(SUMMARY_SHEET), headerRows(report, meta), report.figures);
	for (const cw of report.byCaseworker) {
		figuresSheet(book.addWorksheet(name(cw.name)), caseworkerHeader(report, meta, cw.name), cw.figures);
	}
	notesSheet(book.addWorksheet(NOTES_SHEET), report);
	return Buffer.from(await book.xlsx.writeBuffer());
}

function figuresSheet(sheet: ExcelJS.Worksheet, header: [string, string][], figures: KeyFigures) {
	sheet.columns = [{ width: 10 }, { width: 70 }, { width: 14 }];
	sheet.addRow([TITLE]).font = { bold: true, size: 14 };
	for (const row of header) sheet.addRow(row);
	sheet.addRow([]);
	const head = sheet.addRow(['Nr.', 'Kennzahl', 'Wert']);
	head.font = { bold: true };
	sheet.views = [{ state: 'frozen', ySplit: head.number }];
	for (const section of templateSections(figures)) {
		sheet.addRow([section.id, section.title]).font = { bold: true };
		for (const line of section.lines) {
			const row = sheet.addRow([line.id, line.label, cell(line.value)]);
			const value = row.getCell(3);
			value.alignment = { horizontal: 'right' };
			if (typeof line.value === 'number') value.numFmt = Number.isInteger(line.value) ? '0' : '0.0';
		}
	}
}

function cell(value: Value): string | number | null {
	return value === 'lt5' ? SUPPRESSED : value;
}

function notesSheet(sheet: ExcelJS.Worksheet, report: Report) {
	sheet.columns = [{ width: 60 }, { width: 12 }];
	sheet.addRow(['Hinweise vor dem Export (Qualitätsprüfung)']).font = { bold: true, size: 14 };
	sheet.addRow(['Hinweis', 'Anzahl']).font = { bold: true };
	for (const warning of QA_WARNINGS) {
		sheet.addRow([QA_LABELS[warning], cell(report.qa.find((q) => q.warning === warning)?.count ?? 0)]);
	}
	sheet.addRow([]);
	sheet.addRow(['Begriffe']).font = { bold: true };
	for (const text of DEFINITIONS) sheet.addRow([text]).getCell(1).alignment = { wrapText: true };
}
