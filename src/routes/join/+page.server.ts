import { redirect, type Cookies } from '@sveltejs/kit';
import * as v from 'valibot';
import { invitationThrottle } from '$lib/server/auth/throttle';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/session';
import { acceptGrant, findPendingGrant } from '$lib/server/consent';
import { readFormData } from '$lib/server/form-action';
import { formFailure, newPasswordEntries, parseForm, passwordsMatch, requiredText, username } from '$lib/server/forms';
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

export const load: PageServerLoad = async ({ url, cookies, locals, getClientAddress }) => {
	const fromLink = url.searchParams.get('code');
	if (fromLink !== null) {
		keep(cookies, fromLink, url.protocol === 'https:');
		redirect(303, '/join');
	}
	const code = cookies.get(JOIN_COOKIE);
	const grant = code === undefined ? null : await findPendingGrant(code);
	if (code !== undefined && grant === null) {
		await invitationThrottle.recordFailure(getClientAddress());
		cookies.delete(JOIN_COOKIE, { path: '/join' });
	}
	return {
		signedInAs: locals.user?.role ?? null,
		codeInvalid: code !== undefined && grant === null,
		grant: grant === null ? null : { name: grant.participantGivenName, scopes: grant.scopes, purpose: grant.purpose }
	};
};

const volunteerSchema = v.pipe(
	v.object({
		displayName: requiredText(100),
		username,
		...newPasswordEntries,
		privacyRead: v.literal('yes', 'activate.privacy_required')
	}),
	passwordsMatch()
);

async function codeFrom(cookies: Cookies, formData: FormData, address: string) {
	const typed = formData.get('code');
	const code = typeof typed === 'string' && typed !== '' ? typed : (cookies.get(JOIN_COOKIE) ?? '');
	if ((await invitationThrottle.retryAfter(address)) > 0) return null;
	return code;
}

export const actions: Actions = {
	code: async ({ request, cookies, url, getClientAddress }) => {
		const formData = await readFormData(request);
		const code = await codeFrom(cookies, formData, getClientAddress());
		if (code === null) return formFailure(429, 'activate.throttled', formData, {}, 30);
		if ((await findPendingGrant(code)) === null) {
			await invitationThrottle.recordFailure(getClientAddress());
			return formFailure(400, 'join.code_invalid', formData, { code: 'join.code_invalid' });
		}
		keep(cookies, code, url.protocol === 'https:');
		redirect(303, '/join');
	},
	accept: async ({ cookies, locals, request }) => {
		const formData = await readFormData(request);
		if (locals.user === null || locals.user.role !== 'volunteer') {
			return formFailure(403, 'join.volunteers_only', formData);
		}
		const { id, role, organisationId, participantId } = locals.user;
		const result = await acceptGrant({ id, role, organisationId, participantId }, cookies.get(JOIN_COOKIE) ?? '');
		if (!result.ok) return formFailure(400, 'join.code_invalid', formData);
		cookies.delete(JOIN_COOKIE, { path: '/join' });
		redirect(303, `/helping/${result.participantId}?welcome=1`);
	},
	create: async ({ request, cookies, url }) => {
		const formData = await readFormData(request);
		const code = cookies.get(JOIN_COOKIE);
		if (code === undefined || (await findPendingGrant(code)) === null) {
			return formFailure(400, 'join.code_invalid', formData);
		}
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
