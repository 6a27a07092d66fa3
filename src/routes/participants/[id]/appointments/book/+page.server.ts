import { error } from '@sveltejs/kit';
import { formatDay, formatTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/auth/guard';
import { bookAction } from '$lib/server/appointments/actions';
import { openAppointments } from '$lib/server/appointments';
import { freeSlotsFor } from '$lib/server/appointments/slots';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = requireActor();
	const access = await openAppointments(actor, params.id);
	if (!access.book) error(404, 'error.not_found');
	const { caseworker, slots } = await freeSlotsFor(params.id);
	// Grouped by day, as people choose: first the day, then the time.
	const days = new Map<string, { day: string; slots: { id: string; time: string; mode: 'office' | 'phone'; place: string }[] }>();
	for (const slot of slots) {
		const day = formatDay(locals.locale, slot.startsAt);
		if (!days.has(day)) days.set(day, { day, slots: [] });
		days.get(day)!.slots.push({ id: slot.id, time: formatTime(locals.locale, slot.startsAt), mode: slot.mode, place: slot.place });
	}
	return { participantId: params.id, caseworker: caseworker === null ? null : caseworker.displayName, days: [...days.values()] };
};

export const actions: Actions = { default: bookAction };
