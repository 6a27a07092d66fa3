import * as v from 'valibot';
import { RESIDENCE_STATUSES } from '$lib/domain';
import { LOCALES } from '$lib/i18n/locales';
import { optionalDate, optionalEmail, optionalPhone, optionalText, nameText } from '../forms';

export const contactSchema = v.object({
	phone: optionalPhone,
	email: optionalEmail,
	address: optionalText(300)
});

export const participantSchema = v.object({
	givenName: nameText(100),
	familyName: nameText(100),
	birthDate: optionalDate,
	residenceStatus: v.picklist(RESIDENCE_STATUSES, 'form.pick_option'),
	language: v.picklist(LOCALES, 'form.pick_option'),
	townId: v.pipe(v.string('form.pick_option'), v.nonEmpty('form.pick_option')),
	district: optionalText(100),
	householdId: optionalText(64),
	...contactSchema.entries
});

export type ContactInput = v.InferOutput<typeof contactSchema>;
export type ParticipantInput = v.InferOutput<typeof participantSchema>;

/** Reassigning a case: the caseworker the lead saw on the page, and the handover note for the new one. */
export const assignSchema = v.object({
	caseworkerId: v.pipe(v.string('form.pick_option'), v.nonEmpty('form.pick_option'), v.maxLength(64)),
	seenCaseworkerId: v.pipe(v.optional(v.string(), ''), v.maxLength(64)),
	note: optionalText(2000)
});
