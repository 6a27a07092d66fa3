import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guard';
import { appointmentActions, outcomeOf } from '$lib/server/appointments/actions';
import { appointmentsOf, openAppointments, possibleCompanions } from '$lib/server/appointments';
import { berlinParts } from '$lib/server/appointments/time';
import { appointmentViews, readerOf } from '$lib/server/appointments/view';
import { participantSummary } from '$lib/server/participants';
import { contactLinkFor } from '$lib/server/contacts/prefill';
import { caseWorkAccess } from '$lib/server/policy/casework';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const access = await openAppointments(actor, params.id);
	const [row] = await appointmentsOf(access, params.appointmentId);
	if (row === undefined) error(404, 'error.not_found');
	// appointmentViews looks up the moved-from appointment itself, so the page can say "moved from …".
	const [view] = await appointmentViews([row], access, actor, locals.locale);
	const participant = await participantSummary(access);
	const start = berlinParts(row.startsAt);
	return {
		participantId: params.id,
		...readerOf(access, participant),
		access,
		appointment: view,
		companions: view.editable
			? (await possibleCompanions(access)).filter((c) => access.relation !== 'consented_volunteer' || c.id === actor.id)
			: [],
		// Today's clock times, as a starting point for "move to".
		current: { date: start.date, start: start.time, end: berlinParts(row.endsAt).time },
		contact: await contactLinkFor(await caseWorkAccess(actor, params.id), row),
		done: outcomeOf(url)
	};
};

export const actions: Actions = appointmentActions;
