import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** Column helpers shared by every domain's tables. */
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
export const createdAt = () =>
	timestamp('created_at')
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
/**
 * When a row last changed; the app sets it on insert and with every update. (The database default is a
 * constant because SQLite cannot add a column with a computed default to a table that has rows.)
 */
export const updatedAt = () =>
	timestamp('updated_at')
		.notNull()
		.default(sql`0`)
		.$defaultFn(() => new Date());
