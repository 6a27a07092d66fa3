import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { correctOwnContact, openParticipant } from '$lib/server/participants';
import { contactSchema } from '$lib/server/participants/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const { participant } = await openParticipant(actor, actor.participantId);
	return { contact: { phone: participant.phone, email: participant.email, address: participant.address } };
};

export const actions: Actions = {
	default: formAction(
		contactSchema,
		async ({ actor, input }) => {
			if (actor.participantId === null) error(404, 'error.not_found');
			await correctOwnContact(actor, actor.participantId, input);
			redirect(303, '/home/profile?saved=1');
		},
		{ roles: ['participant'] }
	)
};
