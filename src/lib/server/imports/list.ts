import { and, count, eq } from 'drizzle-orm';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { imports } from '../db/schema';
import type { Actor } from '../policy';
import { importingOrganisation } from './drafts';
import type { Import } from './tables';

/** The organisation's earlier imports, newest first, 50 a page (counts and file names only, no people). */
export async function importsOf(actor: Actor, cursor: string | null) {
	const organisationId = importingOrganisation(actor);
	const mine = eq(imports.organisationId, organisationId);
	return keysetPage<Import>({
		list: 'imports',
		cursor,
		columns: [imports.createdAt, imports.id],
		descending: true,
		keyOf: (row) => [row.createdAt.getTime(), row.id],
		rows: (key, orderBy, limit) =>
			db
				.select()
				.from(imports)
				.where(and(mine, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(imports).where(mine))[0]!.n
	});
}
