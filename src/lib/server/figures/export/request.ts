import { error } from '@sveltejs/kit';
import type { ReportPeriod } from '$lib/figures';
import { parseReportPeriod, periodQuery } from '$lib/report-period';
import { requireRole } from '../../auth/guard';
import { reportAccess, type Actor, type ReportAccess } from '../../policy';
import { scopeParams, scopeRequest } from '../choices';

export type ExportRequest = { actor: Actor; access: ReportAccess; period: ReportPeriod; query: string };

/**
 * Whose figures and which period an export asks for, with the same query as /reports (`year` or `from`/`to`,
 * `scope` or `caseworkerId`/`organisationId`/`townId`). A scope the policy does not allow is the same 404 as a
 * missing page. Unlike the page, a bad period is refused (400), never replaced by the default year: a file
 * must hold the period asked for.
 */
export async function exportRequest(url: URL): Promise<ExportRequest> {
	const actor = requireRole('caseworker', 'lead', 'coordinator');
	const access = await reportAccess(actor, scopeRequest(url.searchParams));
	if (access === null) error(404, 'error.not_found');
	const parsed = parseReportPeriod(url.searchParams);
	if (!parsed.ok) error(400, parsed.reason);
	const query = [periodQuery(parsed.period), scopeParams(actor, access.scope).query].filter((q) => q !== '');
	return { actor, access, period: parsed.period, query: query.join('&') };
}
