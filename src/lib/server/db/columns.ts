import { sql } from 'drizzle-orm';
import { integer } from 'drizzle-orm/sqlite-core';

/** Column helpers shared by every domain's tables. */
export const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
export const createdAt = () =>
	timestamp('created_at')
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
/**
 * When a row last changed. The database default is the constant 0 because SQLite cannot add a column with a
 * computed default to a table that has rows — and drizzle prefers a column's SQL default over `$defaultFn`, so
 * a default function here would never run (that wrote 0 into every new row, "last changed 01.01.1970"). An
 * insert trigger per table (migration `updated_at_fix`) replaces the 0 with `created_at`; every update through
 * drizzle sets the time unless the caller does.
 */
export const updatedAt = () =>
	timestamp('updated_at')
		.notNull()
		.default(sql`0`)
		.$onUpdate(() => new Date());
