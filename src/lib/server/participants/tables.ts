import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../i18n/locales';
import { GENDERS, RESIDENCE_STATUSES } from '../../domain';
import { timestamp, createdAt, updatedAt } from '../db/columns';
import { organisations } from '../organisations/tables';
import { users } from '../users/tables';
import { imports } from '../imports/tables';

export const households = sqliteTable('households', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	createdAt: createdAt()
});

export const participants = sqliteTable(
	'participants',
	{
		id: text('id').primaryKey(),
		// The organisation running this person's integration management (town, county or welfare organisation).
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id),
		townId: text('town_id')
			.notNull()
			.references(() => organisations.id),
		district: text('district').notNull().default(''),
		householdId: text('household_id').references(() => households.id),
		userId: text('user_id').references(() => users.id),
		givenName: text('given_name').notNull(),
		familyName: text('family_name').notNull(),
		birthDate: text('birth_date'),
		residenceStatus: text('residence_status', { enum: RESIDENCE_STATUSES }).notNull(),
		// Both optional, for the key figures (K1): as the person says; nationality as ISO 3166-1 alpha-2 ("SY").
		gender: text('gender', { enum: GENDERS }),
		nationality: text('nationality'),
		// The import (county's Excel/CSV) this person came from, if any: its letters are printed together.
		importId: text('import_id').references((): AnySQLiteColumn => imports.id),
		language: text('language', { enum: LOCALES }).notNull(),
		phone: text('phone').notNull().default(''),
		email: text('email').notNull().default(''),
		address: text('address').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('participants_user_unique').on(t.userId),
		// A lead's list: the organisation's people in name order, read from the index instead of sorted.
		index('participants_org_name_idx').on(t.organisationId, t.familyName, t.givenName),
		index('participants_household_idx').on(t.householdId),
		// Participants using the app, counted per organisation from the index alone (the admin's overview).
		index('participants_org_account_idx').on(t.organisationId, t.userId),
		index('participants_import_idx').on(t.importId),
		// Duplicate detection on import looks people up by birth date within the organisation.
		index('participants_org_birth_idx').on(t.organisationId, t.birthDate)
	]
);

export const assignments = sqliteTable(
	'assignments',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		caseworkerId: text('caseworker_id')
			.notNull()
			.references(() => users.id),
		assignedBy: text('assigned_by').references(() => users.id),
		startedAt: createdAt(),
		endedAt: timestamp('ended_at')
	},
	(t) => [
		index('assignments_caseworker_idx').on(t.caseworkerId, t.endedAt),
		// At most one current caseworker per participant; history rows have ended_at set.
		uniqueIndex('assignments_current_unique')
			.on(t.participantId)
			.where(sql`ended_at IS NULL`)
	]
);

export type Participant = typeof participants.$inferSelect;
