import { error, redirect } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { serviceById, updateService } from '$lib/server/referrals/directory';
import { serviceEditSchema } from '$lib/server/referrals/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	requireRole('admin');
	const service = await serviceById(params.serviceId);
	if (service === null) error(404, 'error.not_found');
	const { createdAt: _c, updatedAt: _u, ...fields } = service;
	return { service: fields };
};

export const actions: Actions = {
	default: formAction(
		serviceEditSchema,
		async ({ actor, input, event, refuse }) => {
			const { version, ...fields } = input;
			const service = await serviceById(event.params.serviceId);
			if (service === null) error(404, 'error.not_found');
			const written = updateService(actor, service.id, version, fields);
			if (!written.ok) return refuse(written);
			redirect(303, `/admin/services?county=${service.countyId}&target=${fields.target}`);
		},
		{ roles: ['admin'] }
	)
};
