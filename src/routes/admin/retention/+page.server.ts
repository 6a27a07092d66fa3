import { formatDate } from '$lib/i18n/format';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireRole } from '$lib/server/auth/guard';
import { dueCountsByOrganisation, dueForAdmin, horizonDay } from '$lib/server/retention/upcoming';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	requireRole('admin');
	const horizon = horizonDay();
	const [counts, page] = await Promise.all([
		dueCountsByOrganisation(horizon),
		dueForAdmin(url.searchParams.get(CURSOR_PARAM), horizon)
	]);
	return {
		horizon: formatDate(locals.locale, horizon),
		counts,
		rows: page.rows.map((r) => ({
			key: r.caseId,
			organisation: r.organisation,
			closedOn: formatDate(locals.locale, r.closedOn),
			anonymisedOn: formatDate(locals.locale, r.anonymisedOn)
		})),
		pager: pagerOf(page)
	};
};
