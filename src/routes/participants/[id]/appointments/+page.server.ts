import { requireActor } from '$lib/server/auth/guard';
import { appointmentActions, outcomeOf } from '$lib/server/appointments/actions';
import { appointmentsOf, openAppointments } from '$lib/server/appointments';
import { appointmentViews, readerOf, splitByTime } from '$lib/server/appointments/view';
import { participantSummary } from '$lib/server/participants';
import { remindersFor } from '$lib/server/reminders';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const access = await openAppointments(actor, params.id);
	const [participant, rows] = await Promise.all([participantSummary(access), appointmentsOf(access)]);
	const views = await appointmentViews(rows, access, actor, locals.locale);
	return {
		participantId: params.id,
		...readerOf(access, participant),
		access,
		...splitByTime(views),
		reminders:
			access.relation === 'self'
				? (await remindersFor(actor.id, locals.locale)).filter((r) => r.subject === 'appointment')
				: [],
		done: outcomeOf(url)
	};
};

export const actions: Actions = appointmentActions;
