import { dayInGermany } from '$lib/i18n/format';
import { FIRST_REPORT_YEAR, periodQuery } from '$lib/report-period';
import { recordAudit } from '$lib/server/audit';
import { requireActor } from '$lib/server/auth/guard';
import { scopeChoices } from '$lib/server/figures/choices';
import { reportRequestOf, shortReportBeside } from '$lib/server/figures/page';
import { renderReportCharts } from '$lib/server/figures/charts';
import { buildReport } from '$lib/server/figures/report';
import { labelNationalities } from '$lib/server/figures/labels';
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
	const texts = await shortReportBeside(actor, request);
	const thisYear = Number(dayInGermany().slice(0, 4));
	const { byCaseworker, ...whole } = labelNationalities(report, locals.locale);
	return {
		// The page shows four figures per caseworker beside the organisation's; every caseworker's full figures
		// would be most of the page's data (750 KB of HTML for 40 caseworkers), so only those four travel.
		report: whole,
		caseworkerRows: byCaseworker.map(({ id, figures }) => ({
			id,
			contacts: figures.k2.contacts,
			new: figures.k1.new,
			closed: figures.k1.closed,
			plans: figures.k4.newlyAgreed
		})),
		charts: renderReportCharts(report.figures, locals.locale),
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
		texts
	};
};
