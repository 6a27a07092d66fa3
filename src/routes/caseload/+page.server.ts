import { formatDate, formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { caseworkersOf } from '$lib/server/participants/assignment';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import {
	ATTENTION_FILTERS,
	caseloadFacets,
	parseCaseloadFilters,
	searchCaseload
} from '$lib/server/participants/caseload';
import type { PageServerLoad } from './$types';

// Listed in the page's markup with their own labels.
const OWN_FILTERS: readonly string[] = ['review_overdue', 'proposals', 'appointments', 'documents_expiring', 'letters'];

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
		// The work queue's groups ("show all") beside the caseload's own filters; covered cases for caseworkers.
		workQueueFilters: ATTENTION_FILTERS.filter(
			(a) => !OWN_FILTERS.includes(a) && (a !== 'covered' || actor.role === 'caseworker')
		),
		rows: result.rows.map((r) => ({
			...r,
			periodEndsOn: r.periodEndsOn === null ? null : formatDate(locals.locale, r.periodEndsOn),
			coveringFor:
				r.coveringFor === null
					? null
					: { absentName: r.coveringFor.absentName, until: formatDate(locals.locale, r.coveringFor.endsOn) },
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
