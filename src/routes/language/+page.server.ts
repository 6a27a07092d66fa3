import { redirect } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';
import { safeReturnPath } from '$lib/server/auth/redirect';
import { readFormData } from '$lib/server/form-action';
import { LOCALE_COOKIE } from '$lib/server/i18n';
import { saveLocale } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

const YEAR_IN_SECONDS = 365 * 24 * 60 * 60;

export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const formData = await readFormData(request);
		const locale = formData.get('locale');
		const returnTo = safeReturnPath(formData.get('returnTo'), '/');
		if (!isLocale(locale)) redirect(303, returnTo);
		cookies.set(LOCALE_COOKIE, locale, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: YEAR_IN_SECONDS
		});
		if (locals.user !== null) await saveLocale(locals.user.id, locale);
		redirect(303, returnTo);
	}
};
