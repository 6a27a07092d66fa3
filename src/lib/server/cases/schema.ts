import * as v from 'valibot';
import { CLOSURE_REASONS, ELIGIBILITY_BASES, EXTENDED_PERIOD_MONTHS, TRANSFER_TARGETS } from '$lib/casework';
import { dayInGermany } from '$lib/i18n/format';
import { LOCALES } from '$lib/i18n/locales';
import { FIELDS, type Field } from '$lib/plan';
import { isRealDate, nameText, optionalPhone, optionalText, requiredText, seenEntries } from '../forms';

const id = v.pipe(v.optional(v.string(), ''), v.trim(), v.maxLength(64, 'form.invalid'));
const reason = requiredText(2000);

/** A calendar day that exists and is not in the future (allocation, a paper consent's date). */
const pastDay = v.pipe(
	v.string('form.required'),
	v.trim(),
	v.nonEmpty('form.required'),
	v.check(isRealDate, 'form.date_invalid'),
	// Compared as German calendar days: just after midnight in Berlin it is still yesterday in UTC.
	v.check((s) => s >= '2000-01-01' && s <= dayInGermany(), 'form.date_invalid')
);
const optionalPastDay = v.union([v.literal(''), pastDay], 'form.date_invalid');

export const eligibilitySchema = v.object({
	...seenEntries,
	eligibility: v.picklist(ELIGIBILITY_BASES, 'form.pick_option')
});
export const stepSchema = v.object({ ...seenEntries, reason });
export const pauseSchema = v.object({ ...seenEntries, reason: optionalText(2000) });

export const closeSchema = v.object({
	...seenEntries,
	closureReason: v.picklist(CLOSURE_REASONS, 'case.closure_reason_required'),
	note: optionalText(2000)
});

export const extensionSchema = v.object({
	...seenEntries,
	months: v.pipe(
		v.string('form.pick_option'),
		v.transform(Number),
		v.integer('case.extension_months_invalid'),
		v.minValue(37, 'case.extension_months_invalid'),
		v.maxValue(EXTENDED_PERIOD_MONTHS, 'case.extension_months_invalid')
	),
	reason
});

export const decisionSchema = v.object({
	participantId: v.pipe(v.string('form.invalid'), v.nonEmpty('form.invalid'), v.maxLength(64, 'form.invalid')),
	requestId: v.pipe(v.string('form.invalid'), v.nonEmpty('form.invalid'), v.maxLength(64, 'form.invalid')),
	outcome: v.picklist(['approved', 'refused'], 'form.pick_option'),
	note: optionalText(2000)
});

const clock = v.union([
	v.literal(''),
	v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'appointments.time_invalid'))
]);

export const transferSchema = v.object({
	...seenEntries,
	target: v.picklist(TRANSFER_TARGETS, 'form.pick_option'),
	serviceId: id,
	serviceName: optionalText(200),
	appointmentId: id,
	date: v.union([v.literal(''), v.pipe(v.string(), v.check(isRealDate, 'form.date_invalid'))], 'form.date_invalid'),
	start: clock,
	end: clock,
	note: optionalText(2000)
});
export type TransferInput = v.InferOutput<typeof transferSchema>;

const matterEntries = Object.fromEntries(FIELDS.map((field) => [`matter_${field}`, optionalText(2000)])) as Record<
	`matter_${Field}`,
	ReturnType<typeof optionalText>
>;

/** The handover from the shelter's social services; open matters come as one text area per field of action. */
export const handoverEntries = {
	handoverService: nameText(200),
	handoverPerson: optionalText(200),
	handoverPhone: optionalPhone,
	allocatedOn: pastDay,
	eligibility: v.union([v.literal(''), v.picklist(ELIGIBILITY_BASES)], 'form.pick_option'),
	mattersLanguage: v.optional(v.picklist(LOCALES, 'form.pick_option'), 'de'),
	consentId: id,
	paperConsentOn: optionalPastDay,
	...matterEntries
};
export const handoverSchema = v.object({ ...seenEntries, ...handoverEntries });
export type HandoverFields = v.InferOutput<v.ObjectSchema<typeof handoverEntries, undefined>>;

export function openMattersOf(input: HandoverFields): Partial<Record<Field, string>> {
	const matters: Partial<Record<Field, string>> = {};
	for (const field of FIELDS) {
		const text = input[`matter_${field}`];
		if (text !== '') matters[field] = text;
	}
	return matters;
}
