import { error, redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guard';
import { formFailure } from '$lib/server/forms';
import { formAction } from '$lib/server/form-action';
import { listTowns } from '$lib/server/organisations';
import { createParticipant } from '$lib/server/participants';
import { participantSchema } from '$lib/server/participants/schema';
import { canCreateParticipants } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const actor = requireActor();
	if (!canCreateParticipants(actor)) error(404, 'error.not_found');
	return { towns: await listTowns(), householdId: url.searchParams.get('household') ?? '' };
};

export const actions: Actions = {
	default: formAction(participantSchema, async ({ actor, input, formData }) => {
		const result = await createParticipant(actor, input);
		if (!result.saved) {
			const field = result.reason === 'town_unknown' ? 'townId' : 'householdId';
			return formFailure(400, `participant.${result.reason}`, formData, { [field]: `participant.${result.reason}` });
		}
		redirect(303, `/participants/${result.id}?created=1`);
	})
};
