import { error } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireRole } from '$lib/server/auth/guard';
import { noteSubjectsOf, notesPage } from '$lib/server/notes';
import { caseWorkAccess } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

/** The notes her caseworker shared with her: never staff-only or sensitive ones kept from her. */
export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireRole('participant');
	const access = actor.participantId === null ? null : await caseWorkAccess(actor, actor.participantId);
	if (access === null || access.relation !== 'self') error(404, 'error.not_found');
	const [page, subjects] = await Promise.all([
		notesPage(access, url.searchParams.get(CURSOR_PARAM)),
		noteSubjectsOf(access, locals.locale)
	]);
	const goalTitle = (id: string | null) => {
		const goal = subjects.goals.find((g) => g.id === id);
		return goal === undefined ? null : { field: goal.field, title: goal.title || goal.catalogueText || '' };
	};
	return {
		notes: page.rows.map((n) => ({
			id: n.id,
			body: n.body,
			language: n.language,
			authorName: n.authorName,
			createdAt: formatDateTime(locals.locale, n.createdAt),
			goal: n.subject === 'goal' ? goalTitle(n.goalId) : null
		})),
		pager: pagerOf(page)
	};
};
