import { redirect, type RequestEvent } from '@sveltejs/kit';
import { formActionsOn } from '../form-action';
import { formFailure } from '../forms';
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
		const result = await changeAppointment(actor, event.params.id, input.appointmentId, name, input.message);
		if (!result.ok) return refuse(result);
		redirect(303, `${event.url.pathname}?done=${CHANGES[name].action}`);
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
		const { appointmentId, ...details } = input;
		const result = await updateAppointmentDetails(actor, event.params.id, appointmentId, details);
		if (!result.ok) return refuse(result);
		redirect(303, `${event.url.pathname}?done=updated`);
	}),
	reschedule: action(rescheduleSchema, async ({ actor, input, event, refuse }) => {
		const { appointmentId, message, ...when } = input;
		const result = await rescheduleAppointment(actor, event.params.id, appointmentId, when, message);
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
	const result = await bookSlot(actor, event.params.id, input.slotId, input.kind, input.message);
	if (!result.ok) return formFailure(409, result.reason, formData, { slotId: result.reason });
	redirect(303, `${listOf(event)}/${result.id}?done=booked`);
});
