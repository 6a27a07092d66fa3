import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { DEFAULT_CONTACT_GAP_WEEKS } from '../../casework';
import { ORGANISATION_KINDS } from '../../domain';
import { createdAt } from '../db/columns';

export const organisations = sqliteTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
	// The work queue lists cases without a contact for longer than this.
	contactGapWeeks: integer('contact_gap_weeks').notNull().default(DEFAULT_CONTACT_GAP_WEEKS),
	createdAt: createdAt()
});

export type Organisation = typeof organisations.$inferSelect;
