import { error, isHttpError, type ActionFailure, type RequestEvent } from '@sveltejs/kit';
import type * as v from 'valibot';
import type { Role } from '$lib/domain';
import { requireActor, requireRole } from './auth/guard';
import { CHANGED_MEANWHILE } from './db/conditional';
import { formFailure, parseForm, type FormFailure } from './forms';
import type { Actor } from './policy';

/**
 * The body as a form. Anything that is not one — a broken multipart body, `text/plain` where a form is
 * expected — is the sender's mistake: a 400 with the localised page, never a 500.
 */
export async function readFormData(request: Request): Promise<FormData> {
	try {
		return await request.formData();
	} catch (e) {
		// The body guard in hooks already answers too large (413) and unreadable (400); keep its answer.
		if (isHttpError(e)) throw e;
		error(400, 'error.bad_request');
	}
}

export type ReadForm<T> =
	{ ok: true; input: T; formData: FormData } | { ok: false; failure: ActionFailure<FormFailure> };

/** Reads and validates a form for actions without a signed-in actor (sign-in, activation, language). */
export async function readForm<S extends v.GenericSchema>(
	request: Request,
	schema: S
): Promise<ReadForm<v.InferOutput<S>>> {
	const formData = await readFormData(request);
	const parsed = parseForm(schema, formData);
	return parsed.ok ? { ok: true, input: parsed.output, formData } : { ok: false, failure: parsed.failure };
}

/** What a domain writer answers when it refuses: a translation key, and the field it is about, if any. */
export type Refusal = { reason: string; field?: string; count?: number };

// Refusals that mean "the thing is no longer in the state you saw" rather than "your input is wrong".
// The one place where a domain outcome becomes a status: the conditional writes' "changed meanwhile" joins here.
const CONFLICTS: ReadonlySet<string> = new Set([
	'appointments.not_now',
	'consent.not_active',
	'cover.overlaps',
	CHANGED_MEANWHILE
]);

/** A refused write as the page shows it: 409 for a conflict with someone else's change, 400 otherwise. */
export function refusalFailure(refusal: Refusal, formData: FormData) {
	return formFailure(
		CONFLICTS.has(refusal.reason) ? 409 : 400,
		refusal.reason,
		formData,
		refusal.field === undefined ? {} : { [refusal.field]: refusal.reason },
		refusal.count
	);
}

export type FormContext<T, E extends RequestEvent> = {
	actor: Actor;
	input: T;
	formData: FormData;
	event: E;
	/** Answers a refused write with the page's message (see refusalFailure). */
	refuse: (refusal: Refusal) => ReturnType<typeof formFailure>;
};

/**
 * One form action: authenticate (roles, if given: others get a 404) → read the body → validate with the
 * schema → `handle`, which authorises through the policy, writes and redirects. An invalid form comes back
 * to the page with every field's problem and what the person typed.
 */
export function formAction<S extends v.GenericSchema, E extends RequestEvent, R>(
	schema: S,
	handle: (context: FormContext<v.InferOutput<S>, E>) => Promise<R>,
	options: { roles?: Role[] } = {}
) {
	return async (event: E) => {
		const actor = options.roles === undefined ? requireActor() : requireRole(...options.roles);
		const read = await readForm(event.request, schema);
		if (!read.ok) return read.failure;
		const { input, formData } = read;
		return handle({ actor, input, formData, event, refuse: (refusal) => refusalFailure(refusal, formData) });
	};
}

/** formAction for shared action modules whose event type is not given by a route's `Actions`. */
export function formActionsOn<E extends RequestEvent>() {
	return <S extends v.GenericSchema, R>(
		schema: S,
		handle: (context: FormContext<v.InferOutput<S>, E>) => Promise<R>,
		options: { roles?: Role[] } = {}
	) => formAction<S, E, R>(schema, handle, options);
}
