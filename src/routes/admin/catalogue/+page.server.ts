import * as v from 'valibot';
import { FIELDS } from '$lib/plan';
import { requireRole } from '$lib/server/auth/guard';
import { formAction, readFormData } from '$lib/server/form-action';
import { formFailure, requiredText } from '$lib/server/forms';
import { addCatalogueGoal, listCatalogue, setCatalogueGoalActive } from '$lib/server/plans/catalogue';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('admin');
	return { catalogue: await listCatalogue({ includeRetired: true }) };
};

// A catalogue goal is only useful if everyone can read it: every language is required.
const entrySchema = v.object({
	field: v.picklist(FIELDS, 'form.pick_option'),
	de: requiredText(200),
	en: requiredText(200),
	ar: requiredText(200),
	fa: requiredText(200),
	ti: requiredText(200)
});

export const actions: Actions = {
	add: formAction(
		entrySchema,
		async ({ actor, input }) => {
			const { field, ...texts } = input;
			await addCatalogueGoal(actor, field, texts);
			return { added: true };
		},
		{ roles: ['admin'] }
	),
	toggle: async ({ request }) => {
		const actor = requireRole('admin');
		const formData = await readFormData(request);
		const id = String(formData.get('id') ?? '');
		const active = formData.get('active') === 'yes';
		const exists = (await listCatalogue({ includeRetired: true })).some((c) => c.id === id);
		if (!exists) return formFailure(400, 'form.invalid', formData);
		await setCatalogueGoalActive(actor, id, active);
		return { toggled: active ? 'admin.catalogue_restored' : 'admin.catalogue_retired' };
	}
};
