import * as v from 'valibot';
import { CONSENT_SCOPES } from '$lib/domain';
import { optionalText, requiredText, seenEntries } from '../forms';

/** Six months unless chosen otherwise, two years at most. */
export const DURATIONS = ['1', '3', '6', '12', '24'] as const;

const scopes = v.pipe(
	v.union(
		[v.array(v.picklist(CONSENT_SCOPES, 'consent.scope_unknown')), v.picklist(CONSENT_SCOPES, 'consent.scope_unknown')],
		'consent.choose_scope'
	),
	v.transform((s) => (Array.isArray(s) ? s : [s])),
	v.minLength(1, 'consent.choose_scope')
);

export const grantSchema = v.object({
	granteeName: requiredText(100),
	purpose: requiredText(500),
	scopes,
	months: v.optional(v.picklist(DURATIONS, 'form.pick_option'), '6')
});

/** Recorded by staff at the participant's request, from a signed paper form. */
export const paperGrantSchema = v.object({
	...grantSchema.entries,
	granteeKind: v.picklist(['service', 'volunteer'], 'form.pick_option'),
	paperNote: requiredText(500)
});

export const revokeSchema = v.object({
	consentId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)),
	...seenEntries,
	reason: requiredText(1000)
});
export const consentIdSchema = v.object({
	consentId: v.pipe(v.string('form.invalid'), v.nonEmpty('form.invalid'), v.maxLength(64, 'form.invalid')),
	...seenEntries
});
export const correctionSchema = v.object({ request: requiredText(2000) });
export const correctionOutcomeSchema = v.object({
	correctionId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)),
	...seenEntries,
	outcome: v.picklist(['corrected', 'declined'], 'form.pick_option'),
	note: optionalText(1000)
});

export type GrantInput = v.InferOutput<typeof grantSchema>;
