import { DOCUMENT_CATEGORIES } from '$lib/domain';
import { requireActor } from '$lib/server/auth/guard';
import { documentListActions, outcomeOf } from '$lib/server/documents/actions';
import { openDocuments } from '$lib/server/documents/read';
import { listItemView } from '$lib/server/documents/view';
import { participantSummary } from '$lib/server/participants';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const { access, documents } = await openDocuments(actor, params.id);
	const participant = await participantSummary(access);
	const name = `${participant.givenName} ${participant.familyName}`;
	const items = documents.map((d) => listItemView(d, locals.locale));
	return {
		participant: { id: participant.id, name },
		self: access.relation === 'self',
		actingFor: access.relation === 'consented_volunteer' ? name : null,
		canUpload: access.upload,
		sharedCategories: access.relation === 'consented_volunteer' ? [...access.categories] : null,
		attention: items
			.filter((i) => i.expiry !== null && (i.expiry.state === 'soon' || i.expiry.state === 'expired'))
			.sort((a, b) => a.expiry!.days - b.expiry!.days),
		groups: DOCUMENT_CATEGORIES.map((category) => ({
			category,
			documents: items.filter((i) => i.category === category)
		})).filter((g) => g.documents.length > 0),
		done: outcomeOf(url)
	};
};

export const actions: Actions = { upload: documentListActions.upload };
