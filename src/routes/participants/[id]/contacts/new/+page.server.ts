import { error, redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guard';
import { contactsOf, recordAction } from '$lib/server/contacts/actions';
import {
	prefillFromAppointment,
	prefillFromQuestion,
	unplannedDraft,
	type Prefill
} from '$lib/server/contacts/prefill';
import { caseStateFor, householdChoices, openContacts, personName } from '$lib/server/contacts/read';
import { formValuesOf } from '$lib/server/contacts/view';
import type { Actions, PageServerLoad } from './$types';

/**
 * The contact form on a page of its own. Stable addresses for the work queue and the appointment page:
 * `?appointment=<id>` (a done meeting, pre-filled) and `?question=<id>` (an answered "please explain").
 */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const access = await openContacts(actor, params.id);
	if (!access.recordWork) error(404, 'error.not_found');
	const [name, caseState, household] = await Promise.all([
		personName(access),
		caseStateFor(access),
		householdChoices(access)
	]);
	const appointmentId = url.searchParams.get('appointment');
	const questionId = url.searchParams.get('question');
	let prefill: Prefill = { kind: 'none' };
	if (appointmentId !== null) prefill = await prefillFromAppointment(access, appointmentId, caseState.firstContact);
	else if (questionId !== null) prefill = await prefillFromQuestion(access, questionId, caseState.firstContact);
	if (prefill.kind === 'recorded') redirect(303, `${contactsOf(params.id)}/${prefill.contactId}`);
	const draft = prefill.kind === 'draft' ? prefill.draft : unplannedDraft(params.id, caseState.firstContact);
	return {
		participantId: params.id,
		name,
		caseState,
		household,
		source: draft.appointmentId !== '' ? 'appointment' : draft.questionId !== '' ? 'question' : 'unplanned',
		draft: formValuesOf({ ...draft, noteLanguage: locals.locale })
	};
};

export const actions: Actions = { record: recordAction };
