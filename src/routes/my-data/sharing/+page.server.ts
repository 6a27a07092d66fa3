import { redirect } from '@sveltejs/kit';
import { requireOwnData } from '$lib/server/auth/guard';
import { consentsOf, renewConsent, withdrawConsent } from '$lib/server/consent';
import { consentIdSchema } from '$lib/server/consent/schema';
import { consentView } from '$lib/server/consent/view';
import { readFormData } from '$lib/server/form-action';
import { formFailure, parseForm, seenOf } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { access } = await requireOwnData();
	const consents = (await consentsOf(access)).map((c) => consentView(c, locals.locale));
	return {
		consents,
		done:
			url.searchParams.get('done') === 'withdrawn'
				? 'consent.done_withdrawn'
				: url.searchParams.get('done') === 'renewed'
					? 'consent.done_renewed'
					: null
	};
};

export const actions: Actions = {
	withdraw: async ({ request }) => {
		const { actor, access } = await requireOwnData();
		const { participantId } = access;
		const formData = await readFormData(request);
		const parsed = parseForm(consentIdSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const withdrawn = await withdrawConsent(actor, participantId, parsed.output.consentId, seenOf(parsed.output));
		if (!withdrawn.ok) return formFailure(409, withdrawn.reason, formData);
		redirect(303, '/my-data/sharing?done=withdrawn');
	},
	renew: async ({ request }) => {
		const { actor, access } = await requireOwnData();
		const { participantId } = access;
		const formData = await readFormData(request);
		const parsed = parseForm(consentIdSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const renewed = await renewConsent(actor, participantId, parsed.output.consentId, seenOf(parsed.output));
		if (!renewed.ok) return formFailure(409, renewed.reason, formData);
		redirect(303, '/my-data/sharing?done=renewed');
	}
};
