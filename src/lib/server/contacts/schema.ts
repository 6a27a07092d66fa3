import * as v from 'valibot';
import { CONTACT_FORMS, CONTACT_KINDS, INTERPRETERS, NETWORKING_GROUPS, TOPICS } from '$lib/casework';
import { LOCALES } from '$lib/i18n/locales';
import { optionalText } from '../forms';

/** A contact lasts at least a minute and at most ten hours: a longer one is a typo, not a working day. */
export const MAX_CONTACT_MINUTES = 600;
export const NETWORKING_FORMS = ['meeting', 'phone', 'digital'] as const;

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
const minutes = v.pipe(
	v.string('form.required'),
	v.trim(),
	v.nonEmpty('form.required'),
	v.regex(/^-?\d{1,6}$/, 'contacts.duration_invalid'),
	v.transform(Number),
	v.minValue(1, 'contacts.duration_invalid'),
	v.maxValue(MAX_CONTACT_MINUTES, 'contacts.duration_invalid')
);
const id = v.pipe(v.string('form.invalid'), v.maxLength(64, 'form.invalid'));

/** Ticked checkboxes arrive as one string, several, or nothing at all; each is checked against its list. */
function several<const T extends readonly string[]>(options: T) {
	return v.pipe(
		v.optional(
			v.union([v.picklist(options, 'form.pick_option'), v.array(v.picklist(options, 'form.pick_option'))]),
			[]
		),
		v.transform((value) => [...new Set(Array.isArray(value) ? value : [value])] as T[number][])
	);
}
const ids = v.pipe(
	v.optional(v.union([id, v.array(id)]), []),
	v.transform((value) => [...new Set(Array.isArray(value) ? value : [value])].filter((x) => x !== ''))
);

const contactEntries = {
	date,
	time: clock,
	durationMinutes: minutes,
	form: v.picklist(CONTACT_FORMS, 'form.pick_option'),
	kind: v.picklist(CONTACT_KINDS, 'form.pick_option'),
	interpreter: v.optional(v.picklist(INTERPRETERS, 'form.pick_option'), 'none'),
	// Topics are required unless the contact answers a "please explain" question (checked by the writer).
	topics: several(TOPICS),
	persons: ids,
	note: optionalText(4000),
	noteLanguage: v.optional(v.picklist(LOCALES, 'form.pick_option'), 'de')
};

export const contactSchema = v.object({
	...contactEntries,
	appointmentId: v.optional(id, ''),
	questionId: v.optional(id, '')
});
export type ContactInput = v.InferOutput<typeof contactSchema>;

export const correctionSchema = v.object({
	...contactEntries,
	seenVersion: v.pipe(
		v.string('form.changed_meanwhile'),
		v.transform(Number),
		v.integer('form.changed_meanwhile'),
		v.minValue(1, 'form.changed_meanwhile')
	)
});
export type CorrectionInput = v.InferOutput<typeof correctionSchema>;

export const networkingSchema = v.object({
	date,
	group: v.picklist(NETWORKING_GROUPS, 'form.pick_option'),
	form: v.picklist(NETWORKING_FORMS, 'form.pick_option'),
	durationMinutes: minutes,
	note: optionalText(500)
});
export type NetworkingInput = v.InferOutput<typeof networkingSchema>;
