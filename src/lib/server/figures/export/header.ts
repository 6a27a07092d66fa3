// The block above every sheet and CSV section: what, whose, which period, when, by whom (German, as the state reads).
import type { Report, ReportScope } from '$lib/figures';
import { formatDate, formatDateTime } from '$lib/i18n/format';

export type ExportMeta = { generatedAt: Date; generatedBy: string };

const SCOPE_KIND: Record<ReportScope['kind'], string> = {
	caseworker: 'Fachkraft',
	organisation: 'Träger',
	town: 'Gemeinde',
	county: 'Landkreis'
};

export const TITLE = 'Auswertung Zeitraum';

export function headerRows(report: Report, meta: ExportMeta, scopeName = report.scopeName): [string, string][] {
	const { from, to } = report.figures.period;
	return [
		['Bereich', `${SCOPE_KIND[report.scope.kind]}: ${scopeName}`],
		['Zeitraum', `${formatDate('de', from)} – ${formatDate('de', to)}`],
		['Erstellt am', formatDateTime('de', meta.generatedAt)],
		['Erstellt von', meta.generatedBy]
	];
}

export function caseworkerHeader(report: Report, meta: ExportMeta, name: string): [string, string][] {
	const rows = headerRows(report, meta, name);
	rows[0] = ['Bereich', `Fachkraft: ${name} (${SCOPE_KIND[report.scope.kind]}: ${report.scopeName})`];
	return rows;
}
