import { requireRole } from '$lib/server/auth/guard';
import { caseworkersOf } from '$lib/server/participants/assignment';
import { caseloadFacets, PAGE_SIZE, parseCaseloadFilters, searchCaseload } from '$lib/server/participants/caseload';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
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
		pageCount: Math.max(1, Math.ceil(result.total / PAGE_SIZE)),
		...facets,
		caseworkers
	};
};
