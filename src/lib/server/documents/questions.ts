import { error } from '@sveltejs/kit';
import { and, count, eq, isNull } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { recordAudit, recordAuditIn } from '../audit';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { documentQuestions, documents, participants } from '../db/schema';
import { caseloadCondition, type Actor } from '../policy';
import { readableDocument } from './read';

export type AskResult = { ok: true } | { ok: false; reason: 'already_open' };

/** "Please explain": the participant's question in their own words (may be empty), into the caseworker's queue. */
export async function askExplanation(
	actor: Actor,
	participantId: string,
	documentId: string,
	question: string,
	locale: Locale
): Promise<AskResult> {
	const { access } = await readableDocument(actor, participantId, documentId);
	if (!access.askExplanation) error(404, 'error.not_found');
	const [open] = await db
		.select({ id: documentQuestions.id })
		.from(documentQuestions)
		.where(and(eq(documentQuestions.documentId, documentId), isNull(documentQuestions.answeredAt)));
	if (open !== undefined) return { ok: false, reason: 'already_open' };
	db.transaction((tx) => {
		tx.insert(documentQuestions)
			.values({
				id: crypto.randomUUID(),
				documentId,
				participantId,
				question,
				questionLocale: question === '' ? null : locale,
				askedBy: actor.id,
				askedAt: new Date()
			})
			.run();
		recordAuditIn(tx, { actor, action: 'document.explanation_requested', participantId, detail: { documentId } });
	});
	return { ok: true };
}

export type AnswerResult = { ok: true } | { ok: false; reason: 'already_answered' };

/** Staff answer an open question; the answer shows under the document in the participant's view. */
export async function answerExplanation(
	actor: Actor,
	participantId: string,
	documentId: string,
	questionId: string,
	answer: string,
	locale: Locale
): Promise<AnswerResult> {
	const { access } = await readableDocument(actor, participantId, documentId);
	if (!access.answerExplanation) error(404, 'error.not_found');
	const [question] = await db
		.select()
		.from(documentQuestions)
		.where(and(eq(documentQuestions.id, questionId), eq(documentQuestions.documentId, documentId)));
	if (question === undefined) error(404, 'error.not_found');
	if (question.answeredAt !== null) return { ok: false, reason: 'already_answered' };
	db.transaction((tx) => {
		tx.update(documentQuestions)
			.set({ answer, answerLocale: locale, answeredBy: actor.id, answeredAt: new Date() })
			.where(and(eq(documentQuestions.id, questionId), isNull(documentQuestions.answeredAt)))
			.run();
		recordAuditIn(tx, { actor, action: 'document.explained', participantId, detail: { documentId } });
	});
	return { ok: true };
}

/** The staff queue: open "please explain" requests of the actor's caseload, oldest first, 50 at a time. */
export async function openQuestionsFor(actor: Actor, cursor: string | null = null) {
	const scope = caseloadCondition(actor);
	if (scope === null) error(404, 'error.not_found');
	const open = and(isNull(documentQuestions.answeredAt), scope);
	const page = await keysetPage({
		list: 'letters',
		cursor,
		columns: [documentQuestions.askedAt, documentQuestions.id],
		keyOf: (q: { askedAt: Date; id: string }) => [q.askedAt.getTime(), q.id],
		rows: (key, orderBy, limit) =>
			db
				.select({
					id: documentQuestions.id,
					question: documentQuestions.question,
					questionLocale: documentQuestions.questionLocale,
					askedAt: documentQuestions.askedAt,
					documentId: documents.id,
					title: documents.title,
					category: documents.category,
					participantId: participants.id,
					givenName: participants.givenName,
					familyName: participants.familyName
				})
				.from(documentQuestions)
				.innerJoin(documents, eq(documentQuestions.documentId, documents.id))
				.innerJoin(participants, eq(documentQuestions.participantId, participants.id))
				.where(and(open, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () =>
			(
				await db
					.select({ n: count() })
					.from(documentQuestions)
					.innerJoin(participants, eq(documentQuestions.participantId, participants.id))
					.where(open)
			)[0].n
	});
	const { rows } = page;
	// Names and letters in a list are personal data too: one entry naming whom the list showed.
	await recordAudit({
		actor,
		action: 'caseload.viewed',
		detail: { list: 'letters', shown: [...new Set(rows.map((r) => r.participantId))] }
	});
	return page;
}
