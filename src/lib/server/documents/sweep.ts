import { eq, or } from 'drizzle-orm';
import { db } from '../db';
import { documentFiles } from '../db/schema';
import { sweepStorage } from './storage';

/** At start: removes what interrupted uploads may have left in the document folder. */
export async function sweepDocumentStorage(now = Date.now()): Promise<number> {
	return sweepStorage(async (key) => {
		const [row] = await db
			.select({ id: documentFiles.id })
			.from(documentFiles)
			.where(or(eq(documentFiles.storageKey, key), eq(documentFiles.thumbnailKey, key)))
			.limit(1);
		return row !== undefined;
	}, now);
}
