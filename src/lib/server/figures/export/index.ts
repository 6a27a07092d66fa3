import type { Report, ReportPeriod } from '$lib/figures';
import { recordAudit } from '../../audit';
import type { ReportAccess } from '../../policy';
import { buildReport } from '../report';
import { writeReportCsv } from './csv';
import { writeReportXlsx } from './xlsx';

export type ExportFormat = 'xlsx' | 'csv';
export type ReportFile = { body: Buffer; fileName: string; type: string };

const TYPES: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
};

/** "Auswertung_2026-01-01_2026-12-31.xlsx": ASCII only, so every browser keeps the name. */
function fileName(report: Report, format: ExportFormat): string {
	return `Auswertung_${report.figures.period.from}_${report.figures.period.to}.${format}`;
}

/**
 * The yearly report file of what an access allows (the coordinator's counts below 5 arrive suppressed from
 * buildReport). Every export is audited: who, which format and scope, which period.
 */
export async function exportReport(
	access: ReportAccess,
	period: ReportPeriod,
	format: ExportFormat,
	generatedBy: string
): Promise<ReportFile> {
	const report = await buildReport(access, period);
	const meta = { generatedAt: new Date(), generatedBy };
	const body = format === 'xlsx' ? await writeReportXlsx(report, meta) : Buffer.from(writeReportCsv(report, meta));
	await recordAudit({
		actor: access.actor,
		action: 'report.exported',
		detail: { format, scope: report.scope, period, caseworkerSheets: report.byCaseworker.length }
	});
	return { body, fileName: fileName(report, format), type: TYPES[format] };
}
