import * as v from 'valibot';
import { REFERRAL_STATUSES, REFERRAL_TARGETS } from '$lib/casework';
import { nameText, optionalEmail, optionalPhone, optionalText, seenEntries } from '../forms';

export const serviceSchema = v.object({
	target: v.picklist(REFERRAL_TARGETS, 'form.pick_option'),
	name: nameText(150),
	address: optionalText(300),
	phone: optionalPhone,
	email: optionalEmail,
	note: optionalText(1000)
});

export const version = v.pipe(
	v.string('form.changed_meanwhile'),
	v.transform(Number),
	v.integer('form.changed_meanwhile'),
	v.minValue(1, 'form.changed_meanwhile')
);

export const serviceEditSchema = v.object({ ...serviceSchema.entries, version });

export const serviceActiveSchema = v.object({
	id: v.pipe(v.string('form.invalid'), v.uuid('form.invalid')),
	version,
	active: v.picklist(['yes', 'no'], 'form.invalid')
});

export const referralSchema = v.object({
	serviceId: v.pipe(v.string('form.pick_option'), v.uuid('form.pick_option')),
	// A checkbox: present means the referral passes the person's data on to the service.
	sharesData: v.pipe(
		v.optional(v.string(), ''),
		v.transform((s) => s === 'yes')
	),
	note: optionalText(1000)
});

export const referralStatusSchema = v.object({
	id: v.pipe(v.string('form.invalid'), v.uuid('form.invalid')),
	to: v.picklist(REFERRAL_STATUSES, 'form.invalid'),
	...seenEntries
});
