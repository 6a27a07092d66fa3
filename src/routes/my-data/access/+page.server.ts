import { formatDateTime } from '$lib/i18n/format';
import { requireOwnData } from '$lib/server/auth/guard';
import { accessCursorFrom, accessPage } from '$lib/server/rights/access-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor, access } = await requireOwnData();
	const page = await accessPage(access, actor.id, accessCursorFrom(url.searchParams));
	return {
		entries: page.entries.map((r) => ({
			id: r.id,
			at: formatDateTime(locals.locale, r.at),
			action: r.action.replace('.', '_'),
			who: r.actorName,
			role: r.actorRole
		})),
		newer: page.newerThan === null ? null : `?after=${page.newerThan}`,
		older: page.olderThan === null ? null : `?before=${page.olderThan}`
	};
};
