import { error } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { accessesTo } from '$lib/server/rights/access-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const rows = await accessesTo(actor.participantId, actor.id);
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
