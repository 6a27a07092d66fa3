import { redirect } from '@sveltejs/kit';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { formatDate, formatMonth } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { berlinParts } from '$lib/server/appointments/time';
import { formAction } from '$lib/server/form-action';
import { networkingMonth, networkingPage, recordNetworking, requireNetworker } from '$lib/server/contacts/networking';
import { networkingSchema } from '$lib/server/contacts/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireNetworker(requireRole('caseworker', 'lead'));
	const today = berlinParts(new Date()).date;
	const [year, month] = today.split('-').map(Number);
	const [page, thisMonth, lastMonth] = await Promise.all([
		networkingPage(actor, url.searchParams.get(CURSOR_PARAM)),
		networkingMonth(actor, year, month),
		networkingMonth(actor, year, month - 1)
	]);
	return {
		today,
		months: [
			{ label: formatMonth(locals.locale, year, month), ...thisMonth },
			{ label: formatMonth(locals.locale, year, month - 1), ...lastMonth }
		],
		rows: page.rows.map((r) => ({
			id: r.id,
			when: formatDate(locals.locale, r.occurredAt),
			occurredAt: r.occurredAt.toISOString(),
			group: r.group,
			form: r.form,
			durationMinutes: r.durationMinutes,
			note: r.note
		})),
		pager: pagerOf(page),
		done: url.searchParams.get('done') === 'recorded' ? 'networking.done_recorded' : null
	};
};

export const actions: Actions = {
	record: formAction(
		networkingSchema,
		async ({ actor, input, refuse }) => {
			const result = recordNetworking(actor, input);
			if (!result.ok) return refuse(result);
			redirect(303, '/networking?done=recorded');
		},
		{ roles: ['caseworker', 'lead'] }
	)
};
