import * as v from 'valibot';
import { APPOINTMENT_KINDS, BRING_ITEMS, SLOT_MODES } from '$lib/domain';
import { optionalText, seenEntries } from '../forms';

const id = v.pipe(v.string('form.invalid'), v.nonEmpty('form.invalid'), v.maxLength(64, 'form.invalid'));
const date = v.pipe(
	v.string('form.required'),
	v.trim(),
	v.nonEmpty('form.required'),
	v.regex(/^\d{4}-\d{2}-\d{2}$/, 'form.date_invalid')
);
const clock = v.pipe(
	v.string('form.required'),
	v.trim(),
	v.nonEmpty('form.required'),
	v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'appointments.time_invalid')
);
/** Ticked checkboxes arrive as one string or several; none at all as nothing. */
const bring = v.pipe(
	v.optional(
		v.union([v.picklist(BRING_ITEMS, 'form.pick_option'), v.array(v.picklist(BRING_ITEMS, 'form.pick_option'))]),
		[]
	),
	v.transform((value) => [...new Set(Array.isArray(value) ? value : [value])])
);
const yes = v.optional(v.picklist(['', 'yes']), '');
export const message = optionalText(1000);

/** When: one date, from and to; the rules that need a clock are checked by appointmentTimes. */
export const whenEntries = { date, start: clock, end: clock };

/** What can change without moving the appointment: where, what to bring, notes, who goes along. */
const detailEntries = {
	title: optionalText(200),
	place: optionalText(200),
	address: optionalText(300),
	directions: optionalText(1000),
	bring,
	bringNote: optionalText(500),
	note: optionalText(2000),
	companionId: v.pipe(v.optional(v.string(), ''), v.maxLength(64))
};

export const appointmentSchema = v.object({
	kind: v.picklist(APPOINTMENT_KINDS, 'form.pick_option'),
	...whenEntries,
	...detailEntries,
	// Staff: "I take part" and "already agreed with the person" (e.g. by phone).
	staffTakesPart: yes,
	agreed: yes
});
export type AppointmentInput = v.InferOutput<typeof appointmentSchema>;

export const detailsSchema = v.object({ appointmentId: id, ...seenEntries, ...detailEntries });
export type DetailsInput = v.InferOutput<typeof detailsSchema>;

export const appointmentIdSchema = v.object({ appointmentId: id, ...seenEntries, message });
export const rescheduleSchema = v.object({ appointmentId: id, ...seenEntries, ...whenEntries, message });
export const bookSchema = v.object({
	slotId: v.pipe(v.string('appointments.pick_slot'), v.nonEmpty('appointments.pick_slot'), v.maxLength(64)),
	kind: v.optional(v.picklist(['office_consultation', 'phone_call']), 'office_consultation'),
	message,
	// Set by the second tap after the page warned that the slot overlaps another appointment of hers.
	clash: v.optional(v.picklist(['ask', 'accepted']), 'ask')
});

export const officeHoursSchema = v.object({
	date,
	start: clock,
	end: clock,
	length: v.pipe(
		v.string('form.required'),
		v.transform(Number),
		v.picklist([15, 20, 30, 45, 60, 90], 'form.pick_option')
	),
	weeks: v.pipe(
		v.optional(v.string(), '0'),
		v.transform(Number),
		v.integer('form.invalid'),
		v.minValue(0, 'form.invalid'),
		v.maxValue(12, 'appointments.weeks_too_many')
	),
	mode: v.picklist(SLOT_MODES, 'form.pick_option'),
	place: optionalText(200)
});
export type OfficeHoursInput = v.InferOutput<typeof officeHoursSchema>;
export const slotIdSchema = v.object({ slotId: id });
