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
	const { caseworker, slots } = await freeSlotsFor(access);
	// Grouped by day, as people choose: first the day, then the time.
	const days = new Map<
		string,
		{ day: string; places: Set<string>; slots: { id: string; time: string; mode: 'office' | 'phone' }[] }
	>();
	for (const slot of slots) {
		const day = formatDay(locals.locale, slot.startsAt);
		if (!days.has(day)) days.set(day, { day, places: new Set(), slots: [] });
		days.get(day)!.slots.push({ id: slot.id, time: formatTime(locals.locale, slot.startsAt), mode: slot.mode });
		if (slot.mode === 'office' && slot.place !== '') days.get(day)!.places.add(slot.place);
	}
	return {
		participantId: params.id,
		caseworker: caseworker === null ? null : caseworker.displayName,
		// The place once per day, not on every time.
		days: [...days.values()].map(({ places, ...d }) => ({ ...d, place: [...places].join(' / ') }))
	};
};

export const actions: Actions = { default: bookAction };
