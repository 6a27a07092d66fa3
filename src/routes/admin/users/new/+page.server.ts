import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireRole } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { formFailure, optionalEmail, optionalPhone, password, nameText, username } from '$lib/server/forms';
import { listOrganisations } from '$lib/server/organisations';
import { createStaffUser } from '$lib/server/users';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	requireRole('admin');
	return { organisations: await listOrganisations() };
};

const staffSchema = v.object({
	username,
	displayName: nameText(100),
	role: v.picklist(['caseworker', 'lead', 'coordinator', 'volunteer', 'admin'], 'form.pick_option'),
	organisationId: v.optional(v.pipe(v.string(), v.maxLength(64)), ''),
	password,
	phone: optionalPhone,
	email: optionalEmail
});

export const actions: Actions = {
	default: formAction(
		staffSchema,
		async ({ actor, input, formData }) => {
			const { organisationId, ...rest } = input;
			const result = await createStaffUser(actor, {
				...rest,
				organisationId: organisationId === '' ? null : organisationId
			});
			if (!result.created) {
				const field = result.reason === 'username_taken' ? 'username' : 'organisationId';
				const key =
					result.reason === 'username_taken'
						? 'form.username_taken'
						: result.reason === 'county_required'
							? 'admin.county_required'
							: 'admin.organisation_required';
				return formFailure(400, key, formData, { [field]: key });
			}
			redirect(303, '/admin/users');
		},
		{ roles: ['admin'] }
	)
};
