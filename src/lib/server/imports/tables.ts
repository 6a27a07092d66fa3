import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, timestamp } from '../db/columns';
import { organisations } from '../organisations/tables';
import { users } from '../users/tables';

/**
 * One import of an existing caseload (a county's Excel or CSV sheet). The people it created point here, so their
 * invitation letters print together; the file's hash tells a second upload of the same sheet.
 */
export const imports = sqliteTable(
	'imports',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id),
		fileName: text('file_name').notNull(),
		fileSha256: text('file_sha256').notNull(),
		rowCount: integer('row_count').notNull(),
		createdCount: integer('created_count').notNull(),
		// Rows that matched a person already in Tandem, and rows it could not take.
		duplicateCount: integer('duplicate_count').notNull(),
		refusedCount: integer('refused_count').notNull(),
		importedBy: text('imported_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('imports_organisation_idx').on(t.organisationId, t.createdAt)]
);

export type Import = typeof imports.$inferSelect;

/**
 * An uploaded sheet between upload, mapping, dry run and import, so the steps work as plain forms. It holds
 * personal data: the import empties its cells and notes the import (in the import's own transaction, conditional on
 * no import yet, so a second click is told "already imported"), and a draft older than a day is deleted at the
 * next upload. Parsed cells, not the file.
 */
export const importDrafts = sqliteTable(
	'import_drafts',
	{
		id: text('id').primaryKey(),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id),
		ownerId: text('owner_id')
			.notNull()
			.references(() => users.id),
		fileName: text('file_name').notNull(),
		fileSha256: text('file_sha256').notNull(),
		headers: text('headers', { mode: 'json' }).$type<string[]>().notNull(),
		rows: text('rows', { mode: 'json' }).$type<string[][]>().notNull(),
		importId: text('import_id').references(() => imports.id),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at').notNull()
	},
	(t) => [index('import_drafts_expiry_idx').on(t.expiresAt)]
);

export type ImportDraft = typeof importDrafts.$inferSelect;
