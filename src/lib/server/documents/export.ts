import { asc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import type { AccessTo } from '../policy';
import { documentFiles, documentQuestions, documents } from '../db/schema';

/** For the participant's data export: what is known about each document; the files themselves are on its page. */
export async function documentsForExport(access: AccessTo<'documents'>) {
	const rows = await db
		.select()
		.from(documents)
		.where(eq(documents.participantId, access.participantId))
		.orderBy(asc(documents.createdAt));
	const ids = rows.map((r) => r.id);
	const [pages, questions] =
		ids.length === 0
			? [[], []]
			: await Promise.all([
					db
						.select({
							documentId: documentFiles.documentId,
							position: documentFiles.position,
							name: documentFiles.originalName,
							mediaType: documentFiles.mediaType,
							byteSize: documentFiles.byteSize,
							createdAt: documentFiles.createdAt
						})
						.from(documentFiles)
						.where(inArray(documentFiles.documentId, ids))
						.orderBy(asc(documentFiles.position)),
					db
						.select({
							documentId: documentQuestions.documentId,
							question: documentQuestions.question,
							askedAt: documentQuestions.askedAt,
							answer: documentQuestions.answer,
							answeredAt: documentQuestions.answeredAt
						})
						.from(documentQuestions)
						.where(inArray(documentQuestions.documentId, ids))
						.orderBy(asc(documentQuestions.askedAt))
				]);
	return rows.map((d) => ({
		id: d.id,
		category: d.category,
		title: d.title,
		expiresOn: d.expiresOn,
		createdAt: d.createdAt,
		pages: pages.filter((p) => p.documentId === d.id).map(({ documentId: _, ...p }) => p),
		questions: questions.filter((q) => q.documentId === d.id).map(({ documentId: _, ...q }) => q)
	}));
}
