import { requireRole } from '$lib/server/auth/guard';
import { readFormData } from '$lib/server/form-action';
import { formFailure } from '$lib/server/forms';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { managedAccountsPage, participantAccountsPerOrganisation, setUserActive } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const actor = requireRole('admin');
	const page = await managedAccountsPage(url.searchParams.get(CURSOR_PARAM));
	return {
		users: page.rows,
		pager: pagerOf(page),
		participantAccounts: await participantAccountsPerOrganisation(),
		selfId: actor.id
	};
};

async function toggle(request: Request, active: boolean) {
	const actor = requireRole('admin');
	const formData = await readFormData(request);
	const userId = String(formData.get('userId') ?? '');
	if (!(await setUserActive(actor, userId, active))) return formFailure(400, 'admin.user_not_changed', formData);
	return { changed: active ? 'admin.user_reactivated' : 'admin.user_deactivated' };
}

export const actions: Actions = {
	deactivate: ({ request }) => toggle(request, false),
	reactivate: ({ request }) => toggle(request, true)
};
