import { redirect, type Cookies } from '@sveltejs/kit';
import * as v from 'valibot';
import { isLocale, LOCALES } from '$lib/i18n/locales';
import { createSession, generateSessionToken, setSessionCookie } from '$lib/server/auth/session';
import { checkCode, minutesOf } from '$lib/server/auth/code-guess';
import { readFormData } from '$lib/server/form-action';
import { formFailure, newPasswordEntries, parseForm, passwordsMatch, username } from '$lib/server/forms';
import { LOCALE_COOKIE } from '$lib/server/i18n';
import { findOpenInvitation, redeemInvitation } from '$lib/server/invitations';
import { formatCode, normaliseCode } from '$lib/server/invitations/code';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The code moves from the link into a short-lived cookie, so it does not stay in the address bar or history.
const ACTIVATION_COOKIE = 'tandem_activation';

function keepCode(cookies: Cookies, code: string, secure: boolean) {
	cookies.set(ACTIVATION_COOKIE, normaliseCode(code), {
		path: '/activate',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		maxAge: 3600
	});
}

function checkInvitation(event: RequestEvent, code: string) {
	return checkCode(event.getClientAddress(), () => findOpenInvitation(code));
}

export const load: PageServerLoad = async (event) => {
	const { url, cookies, locals } = event;
	const fromLink = url.searchParams.get('code');
	if (fromLink !== null) {
		keepCode(cookies, fromLink, url.protocol === 'https:');
		redirect(303, '/activate');
	}
	const stored = cookies.get(ACTIVATION_COOKIE);
	if (stored === undefined) return { step: 'code' as const, codeError: null };
	const checked = await checkInvitation(event, stored);
	if (!checked.ok) {
		cookies.delete(ACTIVATION_COOKIE, { path: '/activate' });
		return {
			step: 'code' as const,
			codeError: checked.retryAfterMs > 0 ? 'activate.throttled' : 'activate.code_invalid',
			minutes: minutesOf(checked),
			code: formatCode(stored)
		};
	}
	const step = url.searchParams.get('step') === 'account' ? ('account' as const) : ('language' as const);
	return {
		step,
		codeError: null,
		givenName: checked.found.givenName,
		suggestedLocale: locals.locale,
		existingUsername: checked.found.existingUsername
	};
};

const accountSchema = v.pipe(
	v.object({ username, ...newPasswordEntries, privacyRead: v.literal('yes', 'activate.privacy_required') }),
	passwordsMatch()
);

export const actions: Actions = {
	code: async (event) => {
		const formData = await readFormData(event.request);
		const code = String(formData.get('code') ?? '').slice(0, 40);
		const checked = await checkInvitation(event, code);
		if (!checked.ok) {
			return checked.retryAfterMs > 0
				? formFailure(429, 'activate.throttled', formData, {}, minutesOf(checked))
				: formFailure(400, 'activate.code_invalid', formData, { code: 'activate.code_invalid' });
		}
		keepCode(event.cookies, code, event.url.protocol === 'https:');
		redirect(303, '/activate');
	},
	language: async ({ request, cookies, url }) => {
		const locale = (await readFormData(request)).get('locale');
		if (isLocale(locale)) {
			cookies.set(LOCALE_COOKIE, locale, {
				path: '/',
				httpOnly: true,
				sameSite: 'lax',
				secure: url.protocol === 'https:',
				maxAge: 365 * 86400
			});
		}
		// A full page in the chosen language, with its direction and font, from here on.
		redirect(303, '/activate?step=account');
	},
	account: async (event) => {
		const { request, cookies, locals, url } = event;
		const formData = await readFormData(request);
		const stored = cookies.get(ACTIVATION_COOKIE);
		if (stored === undefined) return formFailure(400, 'activate.code_invalid', formData);
		// The cookie is the client's to set: its code is checked and counted like a typed one.
		const checked = await checkInvitation(event, stored);
		if (!checked.ok) {
			cookies.delete(ACTIVATION_COOKIE, { path: '/activate' });
			return checked.retryAfterMs > 0
				? formFailure(429, 'activate.throttled', formData, {}, minutesOf(checked))
				: formFailure(400, 'activate.code_invalid', formData);
		}
		const parsed = parseForm(accountSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const locale = isLocale(locals.locale) ? locals.locale : LOCALES[0];
		const result = await redeemInvitation(stored, {
			username: parsed.output.username,
			password: parsed.output.password,
			locale
		});
		if (!result.redeemed) {
			if (result.reason === 'username_taken') {
				return formFailure(400, 'form.username_taken', formData, { username: 'form.username_taken' });
			}
			cookies.delete(ACTIVATION_COOKIE, { path: '/activate' });
			return formFailure(400, 'activate.code_invalid', formData);
		}
		cookies.delete(ACTIVATION_COOKIE, { path: '/activate' });
		const token = generateSessionToken();
		const session = await createSession(token, result.userId, 'participant');
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		redirect(303, '/home?welcome=1');
	},
	restart: async ({ cookies }) => {
		cookies.delete(ACTIVATION_COOKIE, { path: '/activate' });
		redirect(303, '/activate');
	}
};
