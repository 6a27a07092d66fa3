import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { formatTime } from '$lib/i18n/format';
import { contactFormAfterDone } from '../contacts/prefill';
import { formActionsOn } from '../form-action';
import { formFailure, formValues, seenOf } from '../forms';
import {
	changeAppointment,
	CHANGES,
	createAppointment,
	rescheduleAppointment,
	updateAppointmentDetails,
	type ChangeName
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

const action = formActionsOn<Event>();

/** One form action per change (confirm, decline, …): authenticate, let the domain decide, redirect with the outcome. */
function changeAction(name: ChangeName) {
	return action(appointmentIdSchema, async ({ actor, input, event, refuse }) => {
		const result = await changeAppointment(
			actor,
			event.params.id,
			input.appointmentId,
			name,
			input.message,
			new Date(),
			seenOf(input)
		);
		if (!result.ok) return refuse(result);
		// A meeting with the caseworker, done: straight on to documenting it, pre-filled (issue 13).
		const contactForm =
			name === 'done' ? await contactFormAfterDone(actor.id, event.params.id, input.appointmentId) : null;
		redirect(303, contactForm ?? `${event.url.pathname}?done=${CHANGES[name].action}`);
	});
}

export const appointmentActions = {
	confirm: changeAction('confirm'),
	decline: changeAction('decline'),
	ask_other_time: changeAction('ask_other_time'),
	cancel: changeAction('cancel'),
	done: changeAction('done'),
	noted: changeAction('noted'),
	details: action(detailsSchema, async ({ actor, input, event, refuse }) => {
		const { appointmentId, seenStatus, seenVersion, ...details } = input;
		const seen = seenOf({ seenStatus, seenVersion });
		const result = await updateAppointmentDetails(actor, event.params.id, appointmentId, details, new Date(), seen);
		if (!result.ok) return refuse(result);
		redirect(303, `${event.url.pathname}?done=updated`);
	}),
	reschedule: action(rescheduleSchema, async ({ actor, input, event, refuse }) => {
		const { appointmentId, message, seenStatus, seenVersion, ...when } = input;
		const seen = seenOf({ seenStatus, seenVersion });
		const result = await rescheduleAppointment(actor, event.params.id, appointmentId, when, message, new Date(), seen);
		if (!result.ok) return refuse(result);
		redirect(303, `${listOf(event)}/${result.id}?done=rescheduled`);
	})
};

export const createAction = action(appointmentSchema, async ({ actor, input, event, refuse }) => {
	const result = await createAppointment(actor, event.params.id, input);
	if (!result.ok) return refuse(result);
	redirect(303, `${listOf(event)}/${result.id}?done=created`);
});

export const bookAction = action(bookSchema, async ({ actor, input, formData, event }) => {
	const result = await bookSlot(
		actor,
		event.params.id,
		input.slotId,
		input.kind,
		input.message,
		new Date(),
		input.clash
	);
	if (!result.ok && result.reason === 'appointments.slot_clash') {
		// Not an error: the page asks once more, with the slot still chosen and what she typed kept.
		const { title, kind, startsAt, endsAt } = result.clash;
		const time = `${formatTime(event.locals.locale, startsAt)}–${formatTime(event.locals.locale, endsAt)}`;
		return fail(409, { values: formValues(formData), clash: { title, kind, time } });
	}
	if (!result.ok) return formFailure(409, result.reason, formData, { slotId: result.reason });
	redirect(303, `${listOf(event)}/${result.id}?done=booked`);
});
