import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { bulkSchema } from '$lib/server/cases/team-schema';
import { formAction } from '$lib/server/form-action';
import { caseworkersOf, reassignCases } from '$lib/server/participants/assignment';
import { parseCaseloadFilters, searchCaseload } from '$lib/server/participants/caseload';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const actor = requireRole('lead');
	if (actor.organisationId === null) error(404, 'error.not_found');
	const caseworkers = await caseworkersOf(actor.organisationId);
	const from = url.searchParams.get('from') ?? '';
	const source = caseworkers.find((c) => c.id === from) ?? null;
	// The caseload, filtered to one caseworker (or to cases without one), paged as it always is.
	const filters = parseCaseloadFilters(new URLSearchParams({ caseworker: source === null ? 'none' : source.id }));
	const page = await searchCaseload(actor, filters, url.searchParams.get(CURSOR_PARAM));
	return {
		source,
		caseworkers,
		pager: pagerOf(page),
		rows: page.rows.map((r) => ({
			id: r.id,
			name: `${r.familyName}, ${r.givenName}`,
			townName: r.townName,
			district: r.district,
			seen: source?.id ?? ''
		}))
	};
};

export const actions: Actions = {
	default: formAction(
		bulkSchema,
		async ({ actor, input, refuse }) => {
			const outcome = await reassignCases(actor, input.cases, input.caseworkerId, input.note);
			if ('reason' in outcome) return refuse(outcome);
			return { moved: outcome.moved, changed: outcome.changed.map((c) => c.name) };
		},
		{ roles: ['lead'] }
	)
};
