import { formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { caseworkersOf } from '$lib/server/participants/assignment';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { caseloadFacets, parseCaseloadFilters, searchCaseload } from '$lib/server/participants/caseload';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireRole('caseworker', 'lead');
	const filters = parseCaseloadFilters(url.searchParams);
	const [result, facets, caseworkers] = await Promise.all([
		searchCaseload(actor, filters, url.searchParams.get(CURSOR_PARAM)),
		caseloadFacets(actor),
		actor.role === 'lead' && actor.organisationId !== null ? caseworkersOf(actor.organisationId) : Promise.resolve([])
	]);
	return {
		role: actor.role,
		filters,
		total: result.total,
		pager: pagerOf(result),
		rows: result.rows.map((r) => ({
			...r,
			nextAppointment:
				r.nextAppointment === null
					? null
					: {
							...r.nextAppointment,
							when: formatDateTime(locals.locale, r.nextAppointment.startsAt),
							startsAt: undefined
						}
		})),
		...facets,
		caseworkers
	};
};
