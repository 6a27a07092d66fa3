import { formatDateTime } from '$lib/i18n/format';
import { requireOwnData } from '$lib/server/auth/guard';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { coverBehind } from '$lib/server/cases/covered';
import { accessPage } from '$lib/server/rights/access-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const { actor, access } = await requireOwnData();
	const page = await accessPage(access, actor.id, url.searchParams.get(CURSOR_PARAM));
	const covering = await coverBehind(access.participantId, page.rows);
	return {
		entries: page.rows.map((r) => ({
			id: r.id,
			at: formatDateTime(locals.locale, r.at),
			action: r.action.replace('.', '_'),
			who: r.actorName,
			role: r.actorRole,
			coveringFor: covering.get(r.id) ?? null
		})),
		pager: pagerOf(page)
	};
};
