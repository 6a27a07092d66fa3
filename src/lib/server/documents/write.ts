import { error } from '@sveltejs/kit';
import { eq, max } from 'drizzle-orm';
import type { DocumentCategory } from '$lib/domain';
import { MAX_FILE_BYTES, MAX_PAGES, MAX_UPLOAD_BYTES } from '$lib/documents';
import { recordAuditIn } from '../audit';
import { db, type Tx } from '../db';
import { documentFiles, documents } from '../db/schema';
import { canDeleteDocument, documentAccess, type Actor } from '../policy';
import type { Rejection } from './detect';
import { processUpload, type ProcessedPage } from './process';
import { readableDocument } from './read';
import { newStorageKey, remove, store } from './storage';

export type DocumentDetails = { category: DocumentCategory; title: string; expiresOn: string };
export type UploadRefusal = {
	ok: false;
	reason: Rejection | 'no_file' | 'too_many' | 'too_large_total';
	name?: string;
};
export type UploadResult = { ok: true; id: string } | UploadRefusal;

/** Checks the whole upload before any work, then prepares each page; the first bad file stops everything. */
async function preparePages(
	files: File[],
	alreadyStored = 0
): Promise<{ ok: true; pages: ProcessedPage[] } | UploadRefusal> {
	if (files.length === 0) return { ok: false, reason: 'no_file' };
	if (files.length + alreadyStored > MAX_PAGES) return { ok: false, reason: 'too_many' };
	const tooLarge = files.find((f) => f.size > MAX_FILE_BYTES);
	if (tooLarge !== undefined) return { ok: false, reason: 'too_large', name: tooLarge.name };
	if (files.reduce((sum, f) => sum + f.size, 0) > MAX_UPLOAD_BYTES) return { ok: false, reason: 'too_large_total' };
	const pages: ProcessedPage[] = [];
	// One at a time: a phone photo decodes to ~150 MB of pixels, and memory must stay flat under load.
	for (const file of files) {
		const result = await processUpload(Buffer.from(await file.arrayBuffer()), file.name);
		if (!result.ok) return { ok: false, reason: result.reason, name: file.name };
		pages.push(result.page);
	}
	return { ok: true, pages };
}

type StoredPage = ProcessedPage & { storageKey: string; thumbnailKey: string | null };

/** Writes every page encrypted; if one fails, the ones already written are removed again. */
async function storePages(pages: ProcessedPage[]): Promise<StoredPage[]> {
	const stored = pages.map((p) => ({
		...p,
		storageKey: newStorageKey(),
		thumbnailKey: p.thumbnail === null ? null : newStorageKey()
	}));
	try {
		for (const page of stored) {
			await store(page.storageKey, page.data);
			if (page.thumbnailKey !== null && page.thumbnail !== null) await store(page.thumbnailKey, page.thumbnail);
		}
		return stored;
	} catch (e) {
		await remove(keysOf(stored));
		throw e;
	}
}

const keysOf = (pages: { storageKey: string; thumbnailKey: string | null }[]) =>
	pages.flatMap((p) => (p.thumbnailKey === null ? [p.storageKey] : [p.storageKey, p.thumbnailKey]));

/** Files first, rows second: if the rows cannot be written the files go again, so nothing is left behind. */
async function commit(pages: StoredPage[], write: (tx: Tx) => void): Promise<void> {
	try {
		db.transaction(write);
	} catch (e) {
		await remove(keysOf(pages));
		throw e;
	}
}

function insertPages(tx: Tx, actor: Actor, documentId: string, pages: StoredPage[], firstPosition: number) {
	tx.insert(documentFiles)
		.values(
			pages.map((p, i) => ({
				id: crypto.randomUUID(),
				documentId,
				position: firstPosition + i,
				originalName: p.originalName,
				mediaType: p.mediaType,
				byteSize: p.data.length,
				width: p.width,
				height: p.height,
				storageKey: p.storageKey,
				thumbnailKey: p.thumbnailKey,
				uploadedBy: actor.id
			}))
		)
		.run();
}

/** A new document from one or more files, by the participant or by staff for them. */
export async function uploadDocument(
	actor: Actor,
	participantId: string,
	details: DocumentDetails,
	files: File[]
): Promise<UploadResult> {
	const access = await documentAccess(actor, participantId);
	if (access === null || !access.upload) error(404, 'error.not_found');
	const prepared = await preparePages(files);
	if (!prepared.ok) return prepared;
	const pages = await storePages(prepared.pages);
	const id = crypto.randomUUID();
	await commit(pages, (tx) => {
		tx.insert(documents)
			.values({
				id,
				participantId,
				category: details.category,
				title: details.title,
				expiresOn: details.expiresOn === '' ? null : details.expiresOn,
				uploadedBy: actor.id
			})
			.run();
		insertPages(tx, actor, id, pages, 0);
		recordAuditIn(tx, {
			actor,
			action: 'document.uploaded',
			participantId,
			detail: { documentId: id, pages: pages.length }
		});
	});
	return { ok: true, id };
}

/** More pages for a document (a letter's back side, a second page photographed later). */
export async function addPages(
	actor: Actor,
	participantId: string,
	documentId: string,
	files: File[]
): Promise<UploadResult> {
	const { access } = await readableDocument(actor, participantId, documentId);
	if (!access.upload) error(404, 'error.not_found');
	const [{ last }] = await db
		.select({ last: max(documentFiles.position) })
		.from(documentFiles)
		.where(eq(documentFiles.documentId, documentId));
	const count = last === null ? 0 : last + 1;
	const prepared = await preparePages(files, count);
	if (!prepared.ok) return prepared;
	const pages = await storePages(prepared.pages);
	await commit(pages, (tx) => {
		insertPages(tx, actor, documentId, pages, count);
		tx.update(documents).set({ updatedAt: new Date() }).where(eq(documents.id, documentId)).run();
		recordAuditIn(tx, {
			actor,
			action: 'document.uploaded',
			participantId,
			detail: { documentId, pages: pages.length, added: true }
		});
	});
	return { ok: true, id: documentId };
}

export async function updateDocument(
	actor: Actor,
	participantId: string,
	documentId: string,
	details: DocumentDetails
): Promise<void> {
	const { access } = await readableDocument(actor, participantId, documentId);
	if (!access.editDetails) error(404, 'error.not_found');
	db.transaction((tx) => {
		tx.update(documents)
			.set({
				category: details.category,
				title: details.title,
				expiresOn: details.expiresOn === '' ? null : details.expiresOn,
				updatedAt: new Date()
			})
			.where(eq(documents.id, documentId))
			.run();
		recordAuditIn(tx, { actor, action: 'document.updated', participantId, detail: { documentId } });
	});
}

/** Removes the rows and then the files; the audit log keeps that it happened, not what the paper said. */
export async function deleteDocument(actor: Actor, participantId: string, documentId: string): Promise<void> {
	const { access, document } = await readableDocument(actor, participantId, documentId);
	if (!canDeleteDocument(access, document)) error(404, 'error.not_found');
	const pages = await db
		.select({ storageKey: documentFiles.storageKey, thumbnailKey: documentFiles.thumbnailKey })
		.from(documentFiles)
		.where(eq(documentFiles.documentId, documentId));
	db.transaction((tx) => {
		tx.delete(documents).where(eq(documents.id, documentId)).run();
		recordAuditIn(tx, {
			actor,
			action: 'document.deleted',
			participantId,
			detail: { documentId, category: document.category, pages: pages.length }
		});
	});
	await remove(keysOf(pages));
}
