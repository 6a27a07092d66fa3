import * as v from 'valibot';
import { ORGANISATION_KINDS } from '$lib/domain';
import { requireRole } from '$lib/server/auth/guard';
import { readFormData } from '$lib/server/form-action';
import { parseForm, requiredText } from '$lib/server/forms';
import { createOrganisation, listOrganisations } from '$lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('admin');
	return { organisations: await listOrganisations() };
};

const organisationSchema = v.object({
	name: requiredText(150),
	kind: v.picklist(ORGANISATION_KINDS, 'form.pick_option')
});

export const actions: Actions = {
	default: async ({ request }) => {
		const actor = requireRole('admin');
		const parsed = parseForm(organisationSchema, await readFormData(request));
		if (!parsed.ok) return parsed.failure;
		await createOrganisation(actor, parsed.output.name, parsed.output.kind);
		return { created: true };
	}
};
