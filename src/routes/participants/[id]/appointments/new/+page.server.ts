import { error } from '@sveltejs/kit';
import { APPOINTMENT_KINDS, CASEWORKER_KINDS } from '$lib/domain';
import { requireActor } from '$lib/server/auth/guard';
import { createAction } from '$lib/server/appointments/actions';
import { openAppointments, possibleCompanions } from '$lib/server/appointments';
import { participantSummary } from '$lib/server/participants';
import { readerOf } from '$lib/server/appointments/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const actor = requireActor();
	const access = await openAppointments(actor, params.id);
	if (!access.manage && !access.addOwn) error(404, 'error.not_found');
	const participant = await participantSummary(access);
	const companions = await possibleCompanions(access);
	return {
		participantId: params.id,
		...readerOf(access, participant),
		staff: access.manage,
		hasAccount: participant.userId !== null,
		kinds: access.manage
			? APPOINTMENT_KINDS
			: APPOINTMENT_KINDS.filter((k) => !(CASEWORKER_KINDS as readonly string[]).includes(k)),
		// A volunteer can only say "I go along"; others pick among the volunteers the person shares appointments with.
		companions: access.relation === 'consented_volunteer' ? companions.filter((c) => c.id === actor.id) : companions,
		volunteer: access.relation === 'consented_volunteer'
	};
};

export const actions: Actions = { default: createAction };
