import { formatDate } from '$lib/i18n/format';
import { requireActor } from '$lib/server/auth/guard';
import { documentActions, outcomeOf } from '$lib/server/documents/actions';
import { openDocument } from '$lib/server/documents/read';
import { expiryView, when } from '$lib/server/documents/view';
import { participantSummary } from '$lib/server/participants';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const opened = await openDocument(actor, params.id, params.documentId);
	const participant = await participantSummary(opened.access);
	const { access, document } = opened;
	const locale = locals.locale;
	const name = `${participant.givenName} ${participant.familyName}`;
	const base = `/participants/${params.id}/documents/${document.id}`;
	return {
		participant: { id: participant.id, name },
		self: access.relation === 'self',
		actingFor: access.relation === 'consented_volunteer' ? name : null,
		document: {
			id: document.id,
			category: document.category,
			title: document.title,
			expiresOn: document.expiresOn ?? '',
			expiry: expiryView(document.expiresOn, locale),
			added: formatDate(locale, document.createdAt),
			uploader: opened.uploader === null ? null : { name: opened.uploader.name, role: opened.uploader.role }
		},
		pages: opened.pages.map((p, i) => ({
			id: p.id,
			number: i + 1,
			name: p.originalName,
			isImage: p.mediaType === 'image/jpeg',
			sizeKb: Math.max(1, Math.round(p.byteSize / 1024)),
			href: `${base}/files/${p.id}`,
			thumbnail: p.thumbnailKey === null ? null : `${base}/files/${p.id}/thumbnail`
		})),
		// The questions are between the participant and their caseworker, not for volunteers.
		questions:
			access.relation === 'consented_volunteer'
				? []
				: opened.questions.map((q) => ({
						id: q.id,
						question: q.question,
						questionLocale: q.questionLocale,
						askedAt: when(locale, q.askedAt),
						answer: q.answer,
						answerLocale: q.answerLocale,
						answeredAt: q.answeredAt === null ? null : when(locale, q.answeredAt),
						answeredBy: q.answeredByName
					})),
		can: {
			addPages: access.upload,
			edit: access.editDetails,
			delete: opened.canDelete,
			ask: access.askExplanation,
			answer: access.answerExplanation
		},
		done: outcomeOf(url)
	};
};

export const actions: Actions = documentActions;
