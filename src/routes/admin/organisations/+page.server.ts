import * as v from 'valibot';
import { ORGANISATION_KINDS } from '$lib/domain';
import { requireRole } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { nameText } from '$lib/server/forms';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { createOrganisation, organisationsPage } from '$lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('admin');
	const page = await organisationsPage(url.searchParams.get(CURSOR_PARAM));
	return { organisations: page.rows, pager: pagerOf(page) };
};

const organisationSchema = v.object({
	name: nameText(150),
	kind: v.picklist(ORGANISATION_KINDS, 'form.pick_option')
});

export const actions: Actions = {
	default: formAction(
		organisationSchema,
		async ({ actor, input }) => {
			await createOrganisation(actor, input.name, input.kind);
			return { created: true };
		},
		{ roles: ['admin'] }
	)
};
