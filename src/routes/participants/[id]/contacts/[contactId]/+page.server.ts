import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guard';
import { correctAction, outcomeOf } from '$lib/server/contacts/actions';
import { contactDetail, householdChoices, openContacts, personName } from '$lib/server/contacts/read';
import { contactView, valuesOfContact } from '$lib/server/contacts/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const access = await openContacts(actor, params.id);
	if (!access.recordWork) error(404, 'error.not_found');
	const [name, contact, household] = await Promise.all([
		personName(access),
		contactDetail(access, params.contactId),
		householdChoices(access)
	]);
	if (contact === null) error(404, 'error.not_found');
	return {
		participantId: params.id,
		name,
		contact: contactView(contact, locals.locale),
		persons: household.filter((p) => contact.persons.includes(p.id)),
		household,
		values: valuesOfContact(contact),
		done: outcomeOf(url)
	};
};

export const actions: Actions = { correct: correctAction };
