import { error } from '@sveltejs/kit';
import { and, eq, lt } from 'drizzle-orm';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { db } from '../db';
import { importDrafts, imports } from '../db/schema';
import type { Actor } from '../policy';
import { readSheet, type ReadResult } from './read';

const DRAFT_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** Imports are the team lead's: their own organisation's caseload. Everyone else gets the usual 404. */
export function importingOrganisation(actor: Actor): string {
	if (actor.role !== 'lead' || actor.organisationId === null) error(404, 'error.not_found');
	return actor.organisationId;
}

export type Uploaded =
	{ ok: true; draftId: string } | { ok: false; reason: Extract<ReadResult, { ok: false }>['reason'] };

/** Reads the uploaded sheet and keeps its cells as a draft for the next steps; expired drafts go first. */
export async function createDraft(
	actor: Actor,
	fileName: string,
	bytes: Uint8Array,
	now = new Date()
): Promise<Uploaded> {
	const organisationId = importingOrganisation(actor);
	const read = await readSheet(bytes, fileName);
	if (!read.ok) return read;
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		tx.delete(importDrafts).where(lt(importDrafts.expiresAt, now)).run();
		tx.insert(importDrafts)
			.values({
				id,
				organisationId,
				ownerId: actor.id,
				fileName: fileName.slice(0, 200),
				fileSha256: encodeHexLowerCase(sha256(bytes)),
				headers: read.sheet.headers,
				rows: read.sheet.rows,
				createdAt: now,
				expiresAt: new Date(now.getTime() + DRAFT_LIFETIME_MS)
			})
			.run();
	});
	return { ok: true, draftId: id };
}

/** A draft of the lead's organisation that has not expired, or 404. */
export async function openDraft(actor: Actor, draftId: string, now = new Date()) {
	const organisationId = importingOrganisation(actor);
	const [draft] = await db
		.select()
		.from(importDrafts)
		.where(and(eq(importDrafts.id, draftId), eq(importDrafts.organisationId, organisationId)));
	if (draft === undefined || draft.expiresAt <= now) error(404, 'error.not_found');
	return draft;
}

/** When the same file (by its hash) was imported before into this organisation: the import to point to. */
export async function earlierImportOf(organisationId: string, fileSha256: string) {
	const [row] = await db
		.select({ id: imports.id, createdAt: imports.createdAt })
		.from(imports)
		.where(and(eq(imports.organisationId, organisationId), eq(imports.fileSha256, fileSha256)))
		.limit(1);
	return row ?? null;
}
