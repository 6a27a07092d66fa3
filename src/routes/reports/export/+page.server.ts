import { formatDate } from '$lib/i18n/format';
import { checksBeforeExport } from '$lib/server/figures/export/checks';
import { exportRequest } from '$lib/server/figures/export/request';
import { scopeName } from '$lib/server/figures/report';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const { access, period, query } = await exportRequest(url);
	return {
		period: { from: formatDate(locals.locale, period.from), to: formatDate(locals.locale, period.to) },
		// Whose figures the files hold (the whole organisation, one caseworker, a town, the county).
		scopeName: await scopeName(access.scope),
		query,
		aggregatesOnly: access.aggregatesOnly,
		checks: checksBeforeExport(access, period).map((finding) => ({
			...finding,
			// The records behind the warning, each linking to the case where it is fixed; the coordinator sees
			// counts only (drillDown is false), nothing that leads to a person.
			fix: access.drillDown && finding.count !== 0 ? `/reports/records?figure=qa.${finding.warning}&${query}` : null
		}))
	};
};
