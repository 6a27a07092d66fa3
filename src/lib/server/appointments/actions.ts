import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formatTime } from '$lib/i18n/format';
import { requireActor } from '../auth/guard';
import { CHANGED_MEANWHILE } from '../db/conditional';
import { formFailure, formValues, parseForm, seenOf } from '../forms';
import {
	changeAppointment,
	CHANGES,
	createAppointment,
	rescheduleAppointment,
	updateAppointmentDetails,
	type ChangeName,
	type WriteResult
} from './index';
import { appointmentIdSchema, appointmentSchema, bookSchema, detailsSchema, rescheduleSchema } from './schema';
import { bookSlot } from './slots';

type Event = RequestEvent<{ id: string }>;

/** What an appointments page may report after a form action; anything else in the address is ignored. */
const OUTCOMES = new Set([
	'confirmed',
	'declined',
	'change_requested',
	'cancelled',
	'done',
	'noted',
	'created',
	'booked',
	'rescheduled',
	'updated'
]);

export function outcomeOf(url: URL): string | null {
	const done = url.searchParams.get('done');
	return done !== null && OUTCOMES.has(done) ? `appointments.done_${done}` : null;
}

function listOf(event: Event): string {
	return `/participants/${event.params.id}/appointments`;
}

function refused(result: Exclude<WriteResult, { ok: true }>, formData: FormData) {
	return formFailure(
		result.reason === 'appointments.not_now' || result.reason === CHANGED_MEANWHILE ? 409 : 400,
		result.reason,
		formData,
		result.field === undefined ? {} : { [result.field]: result.reason }
	);
}

/** One form action per change (confirm, decline, …): authenticate, let the domain decide, redirect with the outcome. */
function changeAction(name: ChangeName) {
	return async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(appointmentIdSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const result = await changeAppointment(
			actor,
			event.params.id,
			parsed.output.appointmentId,
			name,
			parsed.output.message,
			new Date(),
			seenOf(parsed.output)
		);
		if (!result.ok) return refused(result, formData);
		redirect(303, `${event.url.pathname}?done=${CHANGES[name].action}`);
	};
}

export const appointmentActions = {
	confirm: changeAction('confirm'),
	decline: changeAction('decline'),
	ask_other_time: changeAction('ask_other_time'),
	cancel: changeAction('cancel'),
	done: changeAction('done'),
	noted: changeAction('noted'),
	details: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(detailsSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const { appointmentId, seenStatus, seenVersion, ...details } = parsed.output;
		const seen = seenOf({ seenStatus, seenVersion });
		const result = await updateAppointmentDetails(actor, event.params.id, appointmentId, details, new Date(), seen);
		if (!result.ok) return refused(result, formData);
		redirect(303, `${event.url.pathname}?done=updated`);
	},
	reschedule: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(rescheduleSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const { appointmentId, message, seenStatus, seenVersion, ...when } = parsed.output;
		const seen = seenOf({ seenStatus, seenVersion });
		const result = await rescheduleAppointment(actor, event.params.id, appointmentId, when, message, new Date(), seen);
		if (!result.ok) return refused(result, formData);
		redirect(303, `${listOf(event)}/${result.id}?done=rescheduled`);
	}
};

export async function createAction(event: Event) {
	const actor = requireActor();
	const formData = await event.request.formData();
	const parsed = parseForm(appointmentSchema, formData);
	if (!parsed.ok) return parsed.failure;
	const result = await createAppointment(actor, event.params.id, parsed.output);
	if (!result.ok) return refused(result, formData);
	redirect(303, `${listOf(event)}/${result.id}?done=created`);
}

export async function bookAction(event: Event) {
	const actor = requireActor();
	const formData = await event.request.formData();
	const parsed = parseForm(bookSchema, formData);
	if (!parsed.ok) return parsed.failure;
	const result = await bookSlot(
		actor,
		event.params.id,
		parsed.output.slotId,
		parsed.output.kind,
		parsed.output.message,
		new Date(),
		parsed.output.clash
	);
	if (!result.ok && result.reason === 'appointments.slot_clash') {
		// Not an error: the page asks once more, with the slot still chosen and what she typed kept.
		const { title, kind, startsAt, endsAt } = result.clash;
		const time = `${formatTime(event.locals.locale, startsAt)}–${formatTime(event.locals.locale, endsAt)}`;
		return fail(409, { values: formValues(formData), clash: { title, kind, time } });
	}
	if (!result.ok) return formFailure(409, result.reason, formData, { slotId: result.reason });
	redirect(303, `${listOf(event)}/${result.id}?done=booked`);
}
