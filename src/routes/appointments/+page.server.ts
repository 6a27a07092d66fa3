import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

/** A participant's short way to their own appointments. */
export const load: PageServerLoad = () => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	redirect(303, `/participants/${actor.participantId}/appointments`);
};
