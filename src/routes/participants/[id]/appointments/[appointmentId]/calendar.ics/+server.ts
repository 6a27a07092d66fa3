import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guard';
import { appointmentsOf, openAppointments } from '$lib/server/appointments';
import { appointmentsCalendar } from '$lib/server/appointments/ics';
import { berlinParts } from '$lib/server/appointments/time';
import { translatorFor } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

/** One appointment as an .ics file for the phone's calendar, in the reader's language. */
export const GET: RequestHandler = async ({ params, locals }) => {
	const actor = requireActor();
	const access = await openAppointments(actor, params.id);
	const [row] = await appointmentsOf(access, params.appointmentId);
	if (row === undefined) error(404, 'error.not_found');
	const body = appointmentsCalendar([row], locals.locale, translatorFor(locals.locale)('appointments.feed_name'));
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			// Named by the day on German clocks (an appointment at 00:15 is on that day, not the UTC day before).
			'content-disposition': `attachment; filename="appointment-${berlinParts(row.startsAt).date}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
