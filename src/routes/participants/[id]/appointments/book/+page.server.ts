import { error } from '@sveltejs/kit';
import { formatDay, formatTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/auth/guard';
import { bookAction } from '$lib/server/appointments/actions';
import { openAppointments } from '$lib/server/appointments';
import { clashesWith } from '$lib/server/appointments/clashes';
import { freeSlotsFor } from '$lib/server/appointments/slots';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = requireActor();
	const access = await openAppointments(actor, params.id);
	if (!access.book) error(404, 'error.not_found');
	const { caseworker, slots } = await freeSlotsFor(access);
	const clashes = await clashesWith(access, slots);
	const time = (from: Date, to: Date) => `${formatTime(locals.locale, from)}–${formatTime(locals.locale, to)}`;
	// Grouped by day, as people choose: first the day, then the time.
	const days = new Map<
		string,
		{
			day: string;
			places: Set<string>;
			slots: {
				id: string;
				time: string;
				mode: 'office' | 'phone';
				clash: { title: string; kind: string; time: string } | null;
			}[];
		}
	>();
	for (const slot of slots) {
		const day = formatDay(locals.locale, slot.startsAt);
		if (!days.has(day)) days.set(day, { day, places: new Set(), slots: [] });
		const clash = clashes.get(slot.id);
		days.get(day)!.slots.push({
			id: slot.id,
			time: formatTime(locals.locale, slot.startsAt),
			mode: slot.mode,
			clash:
				clash === undefined ? null : { title: clash.title, kind: clash.kind, time: time(clash.startsAt, clash.endsAt) }
		});
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
