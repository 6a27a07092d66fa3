import { error } from '@sveltejs/kit';
import type { ReportPeriod } from '$lib/figures';
import { formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { parseReportPeriod, yearPeriod, defaultReportYear } from '$lib/report-period';
import { REPORT_TEXT_FIELDS, type ReportTextField } from '$lib/casework';
import { reportAccess, type Actor, type ReportAccess } from '../policy';
import { reportTextOwner } from '../policy/report-texts';
import { readReportTexts } from '../report-texts';
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

export type ShortReportView = {
	language: Locale;
	fields: { field: ReportTextField; text: string }[];
	editable: boolean;
};

/**
 * The year's short report (Sachbericht) beside the figures and in their print: one's own, or for a lead the
 * organisation's or a caseworker's. None for a range of days, a town or a county (the coordinator writes none).
 */
export async function shortReportBeside(actor: Actor, request: ReportRequestView): Promise<ShortReportView | null> {
	const scope = request.access.scope;
	if (request.year === null || scope.kind === 'county' || scope.kind === 'town') return null;
	const other = scope.kind === 'caseworker' && scope.caseworkerId !== actor.id;
	const owner = await reportTextOwner(actor, other ? { caseworkerId: scope.caseworkerId } : {});
	if (owner === null) return null;
	const texts = await readReportTexts(owner, request.year);
	return {
		language: texts.language,
		fields: REPORT_TEXT_FIELDS.map((field) => ({ field, text: texts[field] })),
		editable: owner.writable
	};
}
