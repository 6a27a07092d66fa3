import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireRole } from '$lib/server/auth/guard';
import { openQuestionsFor } from '$lib/server/documents/questions';
import { when } from '$lib/server/documents/view';
import type { PageServerLoad } from './$types';

/** Staff's queue of letters a participant asked them to explain, oldest first. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole('caseworker', 'lead');
	const page = await openQuestionsFor(actor, url.searchParams.get(CURSOR_PARAM));
	return {
		pager: pagerOf(page),
		requests: page.rows.map((r) => ({
			id: r.id,
			name: `${r.givenName} ${r.familyName}`,
			title: r.title,
			category: r.category,
			question: r.question,
			questionLocale: r.questionLocale,
			askedAt: when(locals.locale, r.askedAt),
			href: `/participants/${r.participantId}/documents/${r.documentId}#explain`
		}))
	};
};
