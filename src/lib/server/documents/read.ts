import { error } from '@sveltejs/kit';
import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { db } from '../db';
import { auditLog, documentFiles, documentQuestions, documents, users, type DocumentRow } from '../db/schema';
import { canDeleteDocument, canReadDocument, documentAccess, type Actor, type DocumentAccess } from '../policy';
import { load } from './storage';

/** The actor's access and one readable document, or 404 — also for a category not shared with a volunteer. */
export async function readableDocument(
	actor: Actor,
	participantId: string,
	documentId: string
): Promise<{ access: DocumentAccess; document: DocumentRow }> {
	const access = await documentAccess(actor, participantId);
	if (access === null) error(404, 'error.not_found');
	const [document] = await db
		.select()
		.from(documents)
		.where(and(eq(documents.id, documentId), eq(documents.participantId, participantId)));
	if (document === undefined || !canReadDocument(access, document)) error(404, 'error.not_found');
	return { access, document };
}

/** The documents an actor may see, newest first; a look by anyone but the participant is audited. */
export async function openDocuments(actor: Actor, participantId: string) {
	const access = await documentAccess(actor, participantId);
	if (access === null) error(404, 'error.not_found');
	const rows = await db
		.select({
			id: documents.id,
			category: documents.category,
			title: documents.title,
			expiresOn: documents.expiresOn,
			createdAt: documents.createdAt
		})
		.from(documents)
		.where(and(eq(documents.participantId, participantId), inArray(documents.category, [...access.categories])))
		.orderBy(desc(documents.createdAt));
	const ids = rows.map((r) => r.id);
	const [pageCounts, questionStates] =
		ids.length === 0
			? [[], []]
			: await Promise.all([
					db
						.select({ documentId: documentFiles.documentId, n: count() })
						.from(documentFiles)
						.where(inArray(documentFiles.documentId, ids))
						.groupBy(documentFiles.documentId),
					db
						.select({
							documentId: documentQuestions.documentId,
							open: sql<number>`sum(${documentQuestions.answeredAt} is null)`,
							answered: sql<number>`sum(${documentQuestions.answeredAt} is not null)`
						})
						.from(documentQuestions)
						.where(inArray(documentQuestions.documentId, ids))
						.groupBy(documentQuestions.documentId)
				]);
	const pages = new Map(pageCounts.map((p) => [p.documentId, p.n]));
	const questions = new Map(questionStates.map((q) => [q.documentId, q]));
	if (access.relation !== 'self') {
		await recordAudit({
			actor,
			action: 'document.viewed',
			participantId,
			detail: { list: true, shown: rows.map((r) => r.id) }
		});
	}
	return {
		access,
		documents: rows.map((r) => ({
			...r,
			pageCount: pages.get(r.id) ?? 0,
			openQuestion: Number(questions.get(r.id)?.open ?? 0) > 0,
			answered: Number(questions.get(r.id)?.answered ?? 0) > 0
		}))
	};
}

/** One document with its pages and its questions and answers; audited for anyone but the participant. */
export async function openDocument(actor: Actor, participantId: string, documentId: string) {
	const { access, document } = await readableDocument(actor, participantId, documentId);
	const [pages, questions, [uploader]] = await Promise.all([
		db
			.select()
			.from(documentFiles)
			.where(eq(documentFiles.documentId, documentId))
			.orderBy(asc(documentFiles.position)),
		db
			.select({ question: documentQuestions, answeredByName: users.displayName })
			.from(documentQuestions)
			.leftJoin(users, eq(documentQuestions.answeredBy, users.id))
			.where(eq(documentQuestions.documentId, documentId))
			.orderBy(asc(documentQuestions.askedAt)),
		db.select({ name: users.displayName, role: users.role }).from(users).where(eq(users.id, document.uploadedBy))
	]);
	if (access.relation !== 'self') {
		await recordAudit({ actor, action: 'document.viewed', participantId, detail: { documentId } });
	}
	return {
		access,
		document,
		uploader: uploader ?? null,
		pages,
		questions: questions.map((q) => ({ ...q.question, answeredByName: q.answeredByName })),
		canDelete: canDeleteDocument(access, document)
	};
}

export type FileVariant = 'thumbnail' | 'inline' | 'attachment';

// A page's thumbnails are part of looking at the document, which is audited when the page opens.
const VIEW_COVERS_THUMBNAILS_MS = 10 * 60_000;

/** The decrypted bytes of one page (or its thumbnail), for the download route; audited for anyone but the participant. */
export async function openFile(
	actor: Actor,
	participantId: string,
	documentId: string,
	fileId: string,
	variant: FileVariant
) {
	const { access } = await readableDocument(actor, participantId, documentId);
	const [file] = await db
		.select()
		.from(documentFiles)
		.where(and(eq(documentFiles.id, fileId), eq(documentFiles.documentId, documentId)));
	if (file === undefined) error(404, 'error.not_found');
	const key = variant === 'thumbnail' ? file.thumbnailKey : file.storageKey;
	if (key === null) error(404, 'error.not_found');
	if (
		access.relation !== 'self' &&
		!(variant === 'thumbnail' && (await viewedRecently(actor, participantId, documentId)))
	) {
		await recordAudit({
			actor,
			action: variant === 'thumbnail' ? 'document.viewed' : 'document.downloaded',
			participantId,
			detail: { documentId, fileId, variant }
		});
	}
	return { file, bytes: await load(key) };
}

async function viewedRecently(actor: Actor, participantId: string, documentId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: auditLog.id })
		.from(auditLog)
		.where(
			and(
				eq(auditLog.actorId, actor.id),
				eq(auditLog.participantId, participantId),
				eq(auditLog.action, 'document.viewed'),
				gt(auditLog.at, new Date(Date.now() - VIEW_COVERS_THUMBNAILS_MS)),
				sql`json_extract(${auditLog.detail}, '$.documentId') = ${documentId}`
			)
		)
		.limit(1);
	return row !== undefined;
}
