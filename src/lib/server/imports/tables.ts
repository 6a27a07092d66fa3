import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from '../db/columns';
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
