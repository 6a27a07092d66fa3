import { integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { DEFAULT_CONTACT_GAP_WEEKS, DEFAULT_RETENTION_YEARS } from '../../casework';
import { ORGANISATION_KINDS } from '../../domain';
import { createdAt } from '../db/columns';

export const organisations = sqliteTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
	// The work queue lists cases without a contact for longer than this.
	contactGapWeeks: integer('contact_gap_weeks').notNull().default(DEFAULT_CONTACT_GAP_WEEKS),
	// Towns and welfare organisations belong to a county (its key figures and its coordinator); null for a county.
	countyId: text('county_id').references((): AnySQLiteColumn => organisations.id),
	// Closed cases are anonymised this many years after closure (the admin sets it).
	retentionYears: integer('retention_years').notNull().default(DEFAULT_RETENTION_YEARS),
	createdAt: createdAt()
});

export type Organisation = typeof organisations.$inferSelect;
