import { redirect, type Cookies } from '@sveltejs/kit';
import * as v from 'valibot';
import { checkCode, minutesOf, type CodeCheck } from '$lib/server/auth/code-guess';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/session';
import { acceptGrant, findPendingGrant } from '$lib/server/consent';
import { readFormData } from '$lib/server/form-action';
import { formFailure, newPasswordEntries, parseForm, passwordsMatch, nameText, username } from '$lib/server/forms';
import { normaliseCode } from '$lib/server/invitations/code';
import { createVolunteerAccount } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

// Like the participant's activation: the code leaves the address bar for a short-lived cookie.
const JOIN_COOKIE = 'tandem_join';

function keep(cookies: Cookies, code: string, secure: boolean) {
	cookies.set(JOIN_COOKIE, normaliseCode(code), {
		path: '/join',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 3600
	});
}

function checkGrant(address: string, code: string) {
	return checkCode(address, () => findPendingGrant(code));
}

function refused(check: CodeCheck<unknown> & { ok: false }, formData: FormData) {
	return check.retryAfterMs > 0
		? formFailure(429, 'activate.throttled', formData, {}, minutesOf(check))
		: formFailure(400, 'join.code_invalid', formData, { code: 'join.code_invalid' });
}

export const load: PageServerLoad = async ({ url, cookies, locals, getClientAddress }) => {
	const fromLink = url.searchParams.get('code');
	if (fromLink !== null) {
		keep(cookies, fromLink, url.protocol === 'https:');
		redirect(303, '/join');
	}
	const code = cookies.get(JOIN_COOKIE);
	const checked = code === undefined ? null : await checkGrant(getClientAddress(), code);
	if (checked !== null && !checked.ok) cookies.delete(JOIN_COOKIE, { path: '/join' });
	const grant = checked?.ok === true ? checked.found : null;
	return {
		signedInAs: locals.user?.role ?? null,
		codeInvalid: checked !== null && !checked.ok,
		grant: grant === null ? null : { name: grant.participantGivenName, scopes: grant.scopes, purpose: grant.purpose }
	};
};

const volunteerSchema = v.pipe(
	v.object({
		displayName: nameText(100),
		username,
		...newPasswordEntries,
		privacyRead: v.literal('yes', 'activate.privacy_required')
	}),
	passwordsMatch()
);

// The cookie is the client's to set: every action checks and counts its code like a typed one.
export const actions: Actions = {
	code: async ({ request, cookies, url, getClientAddress }) => {
		const formData = await readFormData(request);
		const typed = formData.get('code');
		const code = typeof typed === 'string' && typed !== '' ? typed.slice(0, 40) : (cookies.get(JOIN_COOKIE) ?? '');
		const checked = await checkGrant(getClientAddress(), code);
		if (!checked.ok) return refused(checked, formData);
		keep(cookies, code, url.protocol === 'https:');
		redirect(303, '/join');
	},
	accept: async ({ cookies, locals, request, getClientAddress }) => {
		const formData = await readFormData(request);
		if (locals.user === null || locals.user.role !== 'volunteer') {
			return formFailure(403, 'join.volunteers_only', formData);
		}
		const code = cookies.get(JOIN_COOKIE) ?? '';
		const checked = await checkGrant(getClientAddress(), code);
		if (!checked.ok) return refused(checked, formData);
		const { id, role, organisationId, participantId } = locals.user;
		const result = await acceptGrant({ id, role, organisationId, participantId }, code);
		if (!result.ok) return formFailure(400, 'join.code_invalid', formData);
		cookies.delete(JOIN_COOKIE, { path: '/join' });
		redirect(303, `/helping/${result.participantId}?welcome=1`);
	},
	create: async ({ request, cookies, url, getClientAddress }) => {
		const formData = await readFormData(request);
		const code = cookies.get(JOIN_COOKIE) ?? '';
		const checked = await checkGrant(getClientAddress(), code);
		if (!checked.ok) return refused(checked, formData);
		const parsed = parseForm(volunteerSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const created = await createVolunteerAccount(parsed.output);
		if (!created.created) return formFailure(400, 'form.username_taken', formData, { username: 'form.username_taken' });
		const actor = { id: created.id, role: 'volunteer' as const, organisationId: null, participantId: null };
		const result = await acceptGrant(actor, code);
		const token = generateSessionToken();
		const session = await createSession(token, created.id, 'volunteer');
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		cookies.delete(JOIN_COOKIE, { path: '/join' });
		redirect(303, result.ok ? `/helping/${result.participantId}?welcome=1` : '/helping');
	}
};
