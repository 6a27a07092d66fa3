import { error } from '@sveltejs/kit';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireRole } from '$lib/server/auth/guard';
import { contactsPage, openContacts } from '$lib/server/contacts/read';
import { formatDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

/** "Our meetings": the person's own contacts with her caseworker; date, form and topics, never staff notes. */
export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const access = await openContacts(actor, actor.participantId);
	const page = await contactsPage(access, url.searchParams.get(CURSOR_PARAM));
	return {
		meetings: page.rows.map((c) => ({
			id: c.id,
			when: formatDate(locals.locale, c.occurredAt),
			occurredAt: c.occurredAt.toISOString(),
			durationMinutes: c.durationMinutes,
			form: c.form,
			kind: c.kind,
			topics: c.topics
		})),
		pager: pagerOf(page)
	};
};
