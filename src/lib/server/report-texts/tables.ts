import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../i18n/locales';
import { createdAt, updatedAt } from '../db/columns';
import { users } from '../users/tables';

/**
 * The short report of one year: an organisation's (written by its lead) or a caseworker's own. One row per
 * owner and year; the version makes two people saving at once a "changed meanwhile", not a lost text.
 */
export const reportTexts = sqliteTable(
	'report_texts',
	{
		id: text('id').primaryKey(),
		ownerKind: text('owner_kind', { enum: ['organisation', 'caseworker'] }).notNull(),
		// An organisation's id or a caseworker's user id.
		ownerId: text('owner_id').notNull(),
		year: integer('year').notNull(),
		focus: text('focus').notNull().default(''),
		cooperation: text('cooperation').notNull().default(''),
		challenges: text('challenges').notNull().default(''),
		outlook: text('outlook').notNull().default(''),
		// The language the texts were written in (staff write in German mostly, not always).
		language: text('language', { enum: LOCALES }).notNull().default('de'),
		version: integer('version').notNull().default(1),
		updatedBy: text('updated_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('report_texts_owner_year_unique').on(t.ownerKind, t.ownerId, t.year)]
);

export type ReportText = typeof reportTexts.$inferSelect;
