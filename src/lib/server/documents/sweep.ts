import { inArray, or } from 'drizzle-orm';
import { db } from '../db';
import { documentFiles } from '../db/schema';
import { sweepStorage } from './storage';

/** At start: removes what interrupted uploads may have left in the document folder. */
export async function sweepDocumentStorage(now = Date.now()): Promise<number> {
	return sweepStorage(async (keys) => {
		const rows = await db
			.select({ storageKey: documentFiles.storageKey, thumbnailKey: documentFiles.thumbnailKey })
			.from(documentFiles)
			.where(or(inArray(documentFiles.storageKey, keys), inArray(documentFiles.thumbnailKey, keys)));
		return new Set(rows.flatMap((r) => (r.thumbnailKey === null ? [r.storageKey] : [r.storageKey, r.thumbnailKey])));
	}, now);
}
