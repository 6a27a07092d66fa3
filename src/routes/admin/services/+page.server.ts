import { error, redirect } from '@sveltejs/kit';
import { REFERRAL_TARGETS, type ReferralTarget } from '$lib/casework';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireRole } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { addService, listCounties, servicesPage, setServiceActive } from '$lib/server/referrals/directory';
import { serviceActiveSchema, serviceSchema } from '$lib/server/referrals/schema';
import type { Actions, PageServerLoad } from './$types';

function isTarget(value: string | null): value is ReferralTarget {
	return value !== null && (REFERRAL_TARGETS as readonly string[]).includes(value);
}

/** The county whose directory is shown: the one asked for, else the first; none yet is a 404 for the page. */
async function countyOf(url: URL) {
	const counties = await listCounties();
	const asked = url.searchParams.get('county');
	const county = counties.find((c) => c.id === asked) ?? counties[0];
	if (county === undefined) error(404, 'error.not_found');
	return { counties, county };
}

export const load: PageServerLoad = async ({ url }) => {
	requireRole('admin');
	const { counties, county } = await countyOf(url);
	const asked = url.searchParams.get('target');
	const target = isTarget(asked) ? asked : null;
	const page = await servicesPage(county.id, target, url.searchParams.get(CURSOR_PARAM));
	return {
		counties,
		countyId: county.id,
		target,
		services: page.rows.map(({ createdAt: _c, updatedAt: _u, ...s }) => s),
		pager: pagerOf(page),
		added: url.searchParams.has('added')
	};
};

export const actions: Actions = {
	add: formAction(
		serviceSchema,
		async ({ actor, input, event }) => {
			const { county } = await countyOf(event.url);
			const id = await addService(actor, county.id, input);
			if (id === null) error(404, 'error.not_found');
			redirect(303, `/admin/services?county=${county.id}&target=${input.target}&added`);
		},
		{ roles: ['admin'] }
	),
	active: formAction(
		serviceActiveSchema,
		async ({ actor, input, refuse }) => {
			const written = setServiceActive(actor, input.id, input.version, input.active === 'yes');
			if (!written.ok) return refuse(written);
			return { toggled: input.active === 'yes' ? 'services.reactivated' : 'services.deactivated' };
		},
		{ roles: ['admin'] }
	)
};
