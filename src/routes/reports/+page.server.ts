import { REPORT_TEXT_FIELDS } from '$lib/casework';
import { FIRST_REPORT_YEAR, periodQuery } from '$lib/report-period';
import { recordAudit } from '$lib/server/audit';
import { requireActor } from '$lib/server/auth/guard';
import { scopeChoices } from '$lib/server/figures/choices';
import { reportRequestOf } from '$lib/server/figures/page';
import { buildReport } from '$lib/server/figures/report';
import { labelNationalities } from '$lib/server/figures/labels';
import { reportTextOwner } from '$lib/server/policy/report-texts';
import { readReportTexts } from '$lib/server/report-texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireActor();
	const request = await reportRequestOf(actor, url, locals.locale);
	const [report, choices] = await Promise.all([buildReport(request.access, request.period), scopeChoices(actor)]);
	await recordAudit({
		actor,
		action: 'report.viewed',
		detail: { scope: report.scope, period: request.period }
	});
	// The short report of the year beside the figures (and in their print), for a year's report of one's own
	// or, for a lead, the organisation's or a caseworker's. The coordinator has none.
	const scope = request.access.scope;
	const owner =
		request.year === null || scope.kind === 'county' || scope.kind === 'town'
			? null
			: await reportTextOwner(
					actor,
					scope.kind === 'caseworker' && scope.caseworkerId !== actor.id ? { caseworkerId: scope.caseworkerId } : {}
				);
	const texts = owner === null || request.year === null ? null : await readReportTexts(owner, request.year);
	const thisYear = new Date().getFullYear();
	return {
		report: labelNationalities(report, locals.locale),
		role: actor.role,
		drillDown: request.access.drillDown,
		period: request.period,
		periodLabel: request.periodLabel,
		periodError: request.periodError,
		year: request.year,
		years: Array.from({ length: thisYear - FIRST_REPORT_YEAR + 1 }, (_, i) => thisYear - i).slice(0, 8),
		// The query that asks for this period and scope again: drill-down links and the scope switch keep it.
		query: [periodQuery(request.period), request.scope.query].filter((q) => q !== '').join('&'),
		scopeValue: request.scope.value,
		choices,
		texts:
			texts === null
				? null
				: {
						language: texts.language,
						fields: REPORT_TEXT_FIELDS.map((field) => ({ field, text: texts[field] })),
						editable: owner?.writable ?? false
					}
	};
};
