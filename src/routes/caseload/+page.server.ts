import { formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { caseworkersOf } from '$lib/server/participants/assignment';
import { caseloadFacets, PAGE_SIZE, parseCaseloadFilters, searchCaseload } from '$lib/server/participants/caseload';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireRole('caseworker', 'lead');
	const filters = parseCaseloadFilters(url.searchParams);
	const [result, facets, caseworkers] = await Promise.all([
		searchCaseload(actor, filters),
		caseloadFacets(actor),
		actor.role === 'lead' && actor.organisationId !== null ? caseworkersOf(actor.organisationId) : Promise.resolve([])
	]);
	return {
		role: actor.role,
		filters,
		...result,
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
		pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
		...facets,
		caseworkers
	};
};
