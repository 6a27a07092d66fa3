import { redirect } from '@sveltejs/kit';
import { homePathFor } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	redirect(303, locals.user === null ? '/login' : homePathFor(locals.user.role));
};
