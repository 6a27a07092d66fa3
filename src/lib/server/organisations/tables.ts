import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { ORGANISATION_KINDS } from '../../domain';
import { createdAt } from '../db/columns';

export const organisations = sqliteTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
	createdAt: createdAt()
});

export type Organisation = typeof organisations.$inferSelect;
