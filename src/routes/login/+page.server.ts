import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { recordAudit } from '$lib/server/audit';
import { homePathFor } from '$lib/server/auth/guard';
import { safeReturnPath } from '$lib/server/auth/redirect';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/session';
import { signIn } from '$lib/server/auth/sign-in';
import { readFormData } from '$lib/server/form-action';
import { formFailure, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user !== null) redirect(303, homePathFor(locals.user.role));
	return { redirectTo: safeReturnPath(url.searchParams.get('redirectTo'), '') };
};

const credentials = v.object({
	username: v.pipe(v.string('form.required'), v.trim(), v.nonEmpty('form.required'), v.maxLength(100, 'form.too_long')),
	password: v.pipe(v.string('form.required'), v.nonEmpty('form.required'), v.maxLength(200, 'form.too_long')),
	redirectTo: v.optional(v.string(), '')
});

export const actions: Actions = {
	default: async (event) => {
		const formData = await readFormData(event.request);
		const parsed = parseForm(credentials, formData);
		if (!parsed.ok) return parsed.failure;
		const { username, password, redirectTo } = parsed.output;

		const result = await signIn(username, password, event.getClientAddress());
		if (result.outcome === 'throttled') {
			const minutes = Math.ceil(result.retryAfterMs / 60_000);
			return formFailure(429, 'auth.throttled', formData, {}, minutes);
		}
		if (result.outcome === 'invalid') return formFailure(400, 'auth.invalid_credentials', formData);

		const { user } = result;
		const token = generateSessionToken();
		const session = await createSession(token, user.id, user.role);
		setSessionCookie(event.cookies, token, session.expiresAt, event.url.protocol === 'https:');
		await recordAudit({ actor: user, action: 'auth.signed_in' });
		redirect(303, safeReturnPath(redirectTo, homePathFor(user.role)));
	}
};
