import { redirect } from '@sveltejs/kit';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireActor } from '$lib/server/auth/guard';
import { outcomeOf, recordAction } from '$lib/server/contacts/actions';
import { monthStart } from '$lib/server/contacts/networking';
import { unplannedDraft } from '$lib/server/contacts/prefill';
import {
	caseStateFor,
	contactsPage,
	contactTotals,
	householdChoices,
	openContacts,
	personName
} from '$lib/server/contacts/read';
import { contactView, formValuesOf } from '$lib/server/contacts/view';
import { berlinParts } from '$lib/server/appointments/time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const access = await openContacts(actor, params.id);
	// The person herself reads her meetings on her own page, without what staff record about them.
	if (!access.recordWork) redirect(303, '/my-case/meetings');
	const now = new Date();
	const year = Number(berlinParts(now).date.slice(0, 4));
	const [name, page, totals, caseState, household] = await Promise.all([
		personName(access),
		contactsPage(access, url.searchParams.get(CURSOR_PARAM)),
		contactTotals(access, monthStart(year, 1), monthStart(year + 1, 1)),
		caseStateFor(access),
		householdChoices(access)
	]);
	return {
		participantId: params.id,
		name,
		contacts: page.rows.map((c) => contactView(c, locals.locale, now)),
		pager: pagerOf(page),
		totals: { ...totals, year },
		caseState,
		household,
		draft: formValuesOf({ ...unplannedDraft(params.id, caseState.firstContact, now), noteLanguage: locals.locale }),
		done: outcomeOf(url)
	};
};

export const actions: Actions = { record: recordAction };
