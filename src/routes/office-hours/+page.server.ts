import { redirect } from '@sveltejs/kit';
import { formatDay, formatTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { formFailure } from '$lib/server/forms';
import { formAction } from '$lib/server/form-action';
import { officeHoursSchema, slotIdSchema } from '$lib/server/appointments/schema';
import { addOfficeHours, officeHoursPage, removeSlot } from '$lib/server/appointments/slots';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { addDays, berlinParts } from '$lib/server/appointments/time';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole('caseworker');
	const page = await officeHoursPage(actor.id, new Date(), url.searchParams.get(CURSOR_PARAM));
	const days = new Map<
		string,
		{
			day: string;
			slots: {
				id: string;
				time: string;
				mode: 'office' | 'phone';
				place: string;
				heldBy: { id: string; name: string } | null;
			}[];
		}
	>();
	for (const slot of page.rows) {
		const day = formatDay(locals.locale, slot.startsAt);
		if (!days.has(day)) days.set(day, { day, slots: [] });
		days.get(day)!.slots.push({
			id: slot.id,
			time: `${formatTime(locals.locale, slot.startsAt)}–${formatTime(locals.locale, slot.endsAt)}`,
			mode: slot.mode,
			place: slot.place,
			heldBy: slot.heldBy
		});
	}
	const added = Number(url.searchParams.get('added'));
	const existed = Number(url.searchParams.get('existed'));
	return {
		days: [...days.values()],
		pager: pagerOf(page),
		tomorrow: addDays(berlinParts(new Date()).date, 1),
		added: Number.isInteger(added) && url.searchParams.has('added') ? added : null,
		existed: Number.isInteger(existed) && existed > 0 ? existed : 0,
		removed: url.searchParams.has('removed')
	};
};

export const actions: Actions = {
	add: formAction(
		officeHoursSchema,
		async ({ actor, input, formData }) => {
			const result = await addOfficeHours(actor, input);
			if (!result.ok) {
				return formFailure(
					400,
					result.reason,
					formData,
					result.field === undefined ? {} : { [result.field]: result.reason }
				);
			}
			redirect(303, `/office-hours?added=${result.created}&existed=${result.skipped}`);
		},
		{ roles: ['caseworker'] }
	),
	remove: formAction(
		slotIdSchema,
		async ({ actor, input, formData }) => {
			const result = await removeSlot(actor, input.slotId);
			if (!result.ok) return formFailure(409, result.reason ?? 'form.invalid', formData);
			redirect(303, '/office-hours?removed');
		},
		{ roles: ['caseworker'] }
	)
};
