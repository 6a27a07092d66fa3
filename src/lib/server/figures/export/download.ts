import { getRequestEvent } from '$app/server';
import type { Report } from '$lib/figures';
import { recordAudit } from '../../audit';
import { buildReport } from '../report';
import { writeReportCsv } from './csv';
import { exportRequest } from './request';
import { writeReportXlsx } from './xlsx';

export type ExportFormat = 'xlsx' | 'csv';

const TYPES: Record<ExportFormat, string> = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	csv: 'text/csv; charset=utf-8'
};

/** "Auswertung_2026-01-01_2026-12-31.xlsx": ASCII only, so every browser keeps the name. */
function fileName(report: Report, format: ExportFormat): string {
	return `Auswertung_${report.figures.period.from}_${report.figures.period.to}.${format}`;
}

/**
 * The report file for the scope and period the URL asks for, as the policy allows it (the coordinator's counts
 * below 5 arrive suppressed from buildReport). Every export is audited: who, which format and scope, which period.
 */
export async function reportDownload(url: URL, format: ExportFormat): Promise<Response> {
	const { actor, access, period } = await exportRequest(url);
	const report = await buildReport(access, period);
	const meta = { generatedAt: new Date(), generatedBy: getRequestEvent().locals.user?.displayName ?? '' };
	const body = format === 'xlsx' ? await writeReportXlsx(report, meta) : writeReportCsv(report, meta);
	await recordAudit({
		actor,
		action: 'report.exported',
		detail: { format, scope: report.scope, period, caseworkerSheets: report.byCaseworker.length }
	});
	return new Response(new Uint8Array(typeof body === 'string' ? Buffer.from(body, 'utf8') : body), {
		headers: {
			'content-type': TYPES[format],
			'content-disposition': `attachment; filename="${fileName(report, format)}"`,
			'cache-control': 'private, no-store'
		}
	});
}
