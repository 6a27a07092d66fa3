import { formatDateTime } from '$lib/i18n/format';
import { requireOwnData } from '$lib/server/auth/guard';
import { accessesTo } from '$lib/server/rights/access-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { actor, access } = await requireOwnData();
	const rows = await accessesTo(access, actor.id);
	return {
		entries: rows.map((r) => ({
			id: r.id,
			at: formatDateTime(locals.locale, r.at),
			action: r.action.replace('.', '_'),
			who: r.actorName,
			role: r.actorRole
		}))
	};
};
