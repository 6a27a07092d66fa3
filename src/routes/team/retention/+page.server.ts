import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/i18n/format';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireRole } from '$lib/server/auth/guard';
import { dueForLead, horizonDay } from '$lib/server/retention/upcoming';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireRole('lead');
	const horizon = horizonDay();
	const page = await dueForLead(actor, url.searchParams.get(CURSOR_PARAM), horizon);
	if (page === null) error(404, 'error.not_found');
	return {
		horizon: formatDate(locals.locale, horizon),
		rows: page.rows.map((r) => ({
			participantId: r.participantId,
			givenName: r.givenName,
			familyName: r.familyName,
			closedOn: formatDate(locals.locale, r.closedOn),
			anonymisedOn: formatDate(locals.locale, r.anonymisedOn)
		})),
		pager: pagerOf(page)
	};
};
