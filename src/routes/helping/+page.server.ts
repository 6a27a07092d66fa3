import { requireRole } from '$lib/server/auth/guard';
import type { PageServerLoad } from './$types';

// Volunteers see people only through consent records, which arrive with the consent feature.
export const load: PageServerLoad = () => {
	requireRole('volunteer');
};
