import Papa from 'papaparse';
import { QA_WARNINGS, type KeyFigures, type Report } from '$lib/figures';
import { caseworkerHeader, headerRows, TITLE, type ExportMeta } from './header';
import { QA_LABELS, templateSections, type Value } from './template';

const BOM = '\uFEFF';

/**
 * The same lines as the XLSX, as German Excel opens a CSV: UTF-8 with a byte-order mark, semicolons, decimal
 * commas. The scope's block first, then one block per caseworker, then the QA warnings.
 */
export function writeReportCsv(report: Report, meta: ExportMeta): string {
	const rows: string[][] = [[TITLE]];
	block(rows, headerRows(report, meta), report.figures);
	for (const cw of report.byCaseworker) block(rows, caseworkerHeader(report, meta, cw.name), cw.figures);
	rows.push([], ['Hinweise vor dem Export (Qualitätsprüfung)', 'Anzahl']);
	for (const warning of QA_WARNINGS) {
		rows.push([QA_LABELS[warning], text(report.qa.find((q) => q.warning === warning)?.count ?? 0)]);
	}
	return BOM + Papa.unparse(rows, { delimiter: ';', newline: '\r\n' }) + '\r\n';
}

function block(rows: string[][], header: [string, string][], figures: KeyFigures) {
	rows.push([]);
	for (const [key, value] of header) rows.push([key, value]);
	rows.push(['Nr.', 'Kennzahl', 'Wert']);
	for (const section of templateSections(figures)) {
		rows.push([section.id, section.title]);
		for (const line of section.lines) rows.push([line.id, line.label, text(line.value)]);
	}
}

function text(value: Value): string {
	if (value === null) return '';
	if (value === 'lt5') return '< 5';
	return String(value).replace('.', ',');
}
