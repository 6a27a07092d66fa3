import type { Locale } from '$lib/i18n/locales';
import type { Actor } from '../policy';
import { openDocuments } from './read';
import { listItemView } from './view';

/** For the participant's start page: how many papers, which expire soon, which letters were answered. */
export async function documentSummary(actor: Actor, participantId: string, locale: Locale) {
	const { documents } = await openDocuments(actor, participantId);
	const items = documents.map((d) => listItemView(d, locale));
	return {
		count: items.length,
		expiring: items.filter((i) => i.expiry?.state === 'soon' || i.expiry?.state === 'expired').slice(0, 3),
		waiting: items.filter((i) => i.openQuestion).length,
		answered: items
			.filter((i) => i.answered && !i.openQuestion)
			.slice(0, 3)
			.map((i) => ({ id: i.id, title: i.title })),
		base: `/participants/${participantId}/documents`
	};
}
