import { error } from '@sveltejs/kit';
import type { ReportPeriod } from '$lib/figures';
import { formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { parseReportPeriod, yearPeriod, defaultReportYear } from '$lib/report-period';
import { reportAccess, type Actor, type ReportAccess } from '../policy';
import { scopeParams, scopeRequest } from './choices';

export type ReportRequestView = {
	access: ReportAccess;
	period: ReportPeriod;
	year: number | null;
	periodError: string | null;
	periodLabel: string;
	scope: { value: string; query: string };
};

/**
 * What a report URL asks for, as the policy allows it: 404 for a scope the actor may not see. A bad period
 * is reported (a translation key) and the default year shown instead.
 */
export async function reportRequestOf(actor: Actor, url: URL, locale: Locale): Promise<ReportRequestView> {
	const access = await reportAccess(actor, scopeRequest(url.searchParams));
	if (access === null) error(404, 'error.not_found');
	const parsed = parseReportPeriod(url.searchParams);
	const fallback = defaultReportYear();
	const period = parsed.ok ? parsed.period : yearPeriod(fallback);
	return {
		access,
		period,
		year: parsed.ok ? parsed.year : fallback,
		periodError: parsed.ok ? null : parsed.reason,
		periodLabel: `${formatDate(locale, period.from)} – ${formatDate(locale, period.to)}`,
		scope: scopeParams(actor, access.scope)
	};
}
