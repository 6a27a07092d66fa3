import { fail, type ActionFailure } from '@sveltejs/kit';
import * as v from 'valibot';
import { dayInGermany } from '$lib/i18n/format';

/** Field name → translation key of what is wrong with it. */
export type FieldErrors = Record<string, string>;
export type FormFailure = { errors: FieldErrors; values: Record<string, string>; message?: string; count?: number };

// Generous for any single field; a body larger than this is not a form a person filled in.
const MAX_FIELD_LENGTH = 10_000;

/** Text fields of a submitted form, with passwords left out so they are never sent back to the page. */
export function formValues(formData: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [key, value] of formData) {
		if (typeof value === 'string' && !key.toLowerCase().includes('password')) {
			// Several ticked checkboxes of one name come back comma-separated.
			const text = value.slice(0, MAX_FIELD_LENGTH);
			values[key] = key in values ? `${values[key]},${text}` : text;
		}
	}
	return values;
}

const TRANSLATION_KEY = /^[a-z_]+\.[a-z_]+$/;

function requiredFieldNames(schema: v.GenericSchema): string[] {
	const root = 'pipe' in schema && Array.isArray(schema.pipe) ? schema.pipe[0] : schema;
	if (root === null || typeof root !== 'object' || !('entries' in root)) return [];
	// Optional fields keep their defaults; only required ones turn a missing value into "required".
	return Object.entries(root.entries as Record<string, { type: string }>)
		.filter(([, entry]) => entry.type !== 'optional')
		.map(([name]) => name);
}

export type Parsed<T> = { ok: true; output: T } | { ok: false; failure: ActionFailure<FormFailure> };

/**
 * Validates a form against a valibot schema whose messages are translation keys. On failure the page gets
 * back each field's problem and everything the person typed, so nothing they entered is lost.
 */
export function parseForm<S extends v.GenericSchema>(schema: S, formData: FormData): Parsed<v.InferOutput<S>> {
	// A field the browser did not send (an unticked checkbox, a tampered form) counts as empty.
	const raw: Record<string, unknown> = Object.fromEntries(requiredFieldNames(schema).map((name) => [name, '']));
	for (const [key, value] of formData) {
		if (raw[key] === '') delete raw[key];
		const existing = raw[key];
		if (existing === undefined) raw[key] = value;
		else raw[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
	}
	const result = v.safeParse(schema, raw);
	if (result.success) return { ok: true, output: result.output };
	const errors: FieldErrors = {};
	for (const issue of result.issues) {
		const field = v.getDotPath(issue) ?? 'form';
		errors[field] ??= TRANSLATION_KEY.test(issue.message) ? issue.message : 'form.invalid';
	}
	return { ok: false, failure: fail(400, { errors, values: formValues(formData) }) };
}

/** A failure with one message for the whole form (count feeds plural forms such as "in N minutes"). */
export function formFailure(
	status: number,
	message: string,
	formData: FormData,
	errors: FieldErrors = {},
	count?: number
) {
	return fail(status, { errors, values: formValues(formData), message, count } satisfies FormFailure);
}

/**
 * The status and version of a row as the form showed it (hidden inputs), so the write can refuse if someone
 * changed the row meanwhile. A form without them is treated the same way: it was not loaded from this app.
 */
export const seenEntries = {
	seenStatus: v.pipe(
		v.string('form.changed_meanwhile'),
		v.nonEmpty('form.changed_meanwhile'),
		v.maxLength(32, 'form.changed_meanwhile')
	),
	seenVersion: v.pipe(
		v.string('form.changed_meanwhile'),
		v.transform(Number),
		v.integer('form.changed_meanwhile'),
		v.minValue(1, 'form.changed_meanwhile')
	)
};

export function seenOf(output: { seenStatus: string; seenVersion: number }): { status: string; version: number } {
	return { status: output.seenStatus, version: output.seenVersion };
}

// Explicit embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) make typed text reorder what is
// shown inside and around it ("‮gpj.exe" spoofing). Nobody types them on purpose; they are removed from all text.
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;
// In a name even the invisible direction marks (LRM, RLM, ALM) only serve to disguise one name as another.
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text without bidi overrides; direction marks stay, Arabic and Farsi writers use them in mixed text. */
export function withoutBidiOverrides(text: string): string {
	return text.replace(BIDI_OVERRIDES, '');
}

/** A name (person, organisation) as shown to others: no bidi control characters at all. */
export function withoutBidiControls(text: string): string {
	return text.replace(BIDI_CONTROLS, '');
}

// Reusable field rules; messages are translation keys.
export const requiredText = (max: number) =>
	v.pipe(
		v.string('form.required'),
		v.transform(withoutBidiOverrides),
		v.trim(),
		v.nonEmpty('form.required'),
		v.maxLength(max, 'form.too_long')
	);
export const optionalText = (max: number) =>
	v.pipe(v.optional(v.string(), ''), v.transform(withoutBidiOverrides), v.trim(), v.maxLength(max, 'form.too_long'));
/** The name of a person or an organisation. */
export const nameText = (max: number) =>
	v.pipe(
		v.string('form.required'),
		v.transform(withoutBidiControls),
		v.trim(),
		v.nonEmpty('form.required'),
		v.maxLength(max, 'form.too_long')
	);
export const password = v.pipe(
	v.string('form.required'),
	v.nonEmpty('form.required'),
	v.minLength(8, 'form.password_too_short'),
	v.maxLength(200, 'form.too_long')
);
/** A new password, typed twice. */
export const newPasswordEntries = { password, passwordRepeat: v.string('form.required') };

/** Reports a mismatch of the two new-password fields on the second one. */
export function passwordsMatch<T extends { password: string; passwordRepeat: string }>() {
	return v.rawCheck<T>(({ dataset, addIssue }) => {
		if (!dataset.typed || dataset.value.password === dataset.value.passwordRepeat) return;
		addIssue({
			message: 'form.passwords_differ',
			path: [
				{
					type: 'object',
					origin: 'value',
					input: dataset.value,
					key: 'passwordRepeat',
					value: dataset.value.passwordRepeat
				}
			]
		});
	});
}

export const username = v.pipe(
	v.string('form.required'),
	v.trim(),
	v.toLowerCase(),
	v.nonEmpty('form.required'),
	v.minLength(3, 'form.username_invalid'),
	v.maxLength(40, 'form.username_invalid'),
	v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'form.username_invalid')
);
export const optionalEmail = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.maxLength(200, 'form.too_long'),
	v.check((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), 'form.email_invalid')
);
export const optionalPhone = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.maxLength(40, 'form.too_long'),
	v.check((s) => s === '' || /^\+?[0-9 ()/-]{5,}$/.test(s), 'form.phone_invalid')
);
export const optionalDate = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.check((s) => s === '' || isRealPastDate(s), 'form.date_invalid')
);

/** A calendar date written YYYY-MM-DD that exists (no 31 February). */
export function isRealDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const date = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s);
}

function isRealPastDate(s: string): boolean {
	// German calendar days: just after midnight in Berlin, UTC still has yesterday.
	return isRealDate(s) && s <= dayInGermany() && s >= '1900';
}
