import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireActor } from '$lib/server/auth/guard';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { formFailure, newPasswordEntries, passwordsMatch } from '$lib/server/forms';
import { formAction } from '$lib/server/form-action';
import { changePassword, signOutEverywhere } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	requireActor();
	return { username: locals.user?.username ?? '' };
};

const passwordChange = v.pipe(
	v.object({ current: v.pipe(v.string('form.required'), v.nonEmpty('form.required')), ...newPasswordEntries }),
	passwordsMatch()
);

export const actions: Actions = {
	password: formAction(passwordChange, async ({ actor, input, formData, event }) => {
		// The other sessions end with the change; this one stays.
		const changed = await changePassword(actor.id, input.current, input.password, event.locals.session?.id ?? '');
		if (!changed) {
			return formFailure(400, 'account.current_password_wrong', formData, {
				current: 'account.current_password_wrong'
			});
		}
		return { passwordChanged: true };
	}),
	everywhere: async ({ cookies, url }) => {
		const actor = requireActor();
		await signOutEverywhere(actor);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
