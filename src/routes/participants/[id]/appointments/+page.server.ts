import { requireActor } from '$lib/server/auth/guard';
import { appointmentActions, outcomeOf } from '$lib/server/appointments/actions';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { openAppointments } from '$lib/server/appointments';
import { pastAppointmentsPage, upcomingAppointmentsOf } from '$lib/server/appointments/lists';
import { appointmentViews, readerOf } from '$lib/server/appointments/view';
import { participantSummary } from '$lib/server/participants';
import { remindersFor } from '$lib/server/reminders';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const access = await openAppointments(actor, params.id);
	const now = new Date();
	const [participant, upcoming, past] = await Promise.all([
		participantSummary(access),
		upcomingAppointmentsOf(access, now),
		pastAppointmentsPage(access, url.searchParams.get(CURSOR_PARAM), now)
	]);
	const views = (rows: typeof upcoming) => appointmentViews(rows, access, actor, locals.locale, now);
	return {
		participantId: params.id,
		...readerOf(access, participant),
		access,
		upcoming: await views(upcoming),
		past: await views(past.rows),
		pastPager: pagerOf(past),
		reminders:
			access.relation === 'self'
				? (await remindersFor(actor.id, locals.locale)).filter((r) => r.subject === 'appointment')
				: [],
		done: outcomeOf(url)
	};
};

export const actions: Actions = appointmentActions;
