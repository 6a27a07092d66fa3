import { integer, sqliteTable, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../i18n/locales';
import { ROLES } from '../../domain';
import { createdAt } from '../db/columns';
import { organisations } from '../organisations/tables';

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		// Stored lower-case so "Amina" and "amina" are one account.
		username: text('username').notNull(),
		passwordHash: text('password_hash').notNull(),
		displayName: text('display_name').notNull(),
		role: text('role', { enum: ROLES }).notNull(),
		organisationId: text('organisation_id').references(() => organisations.id),
		locale: text('locale', { enum: LOCALES }),
		phone: text('phone'),
		email: text('email'),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		// Caseworkers: the post in hundredths of full time (100 = one full-time post, which carries 80 cases).
		fullTimeEquivalent: integer('full_time_equivalent').notNull().default(100),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('users_username_unique').on(t.username),
		// The admin's list of accounts pages by (role, name, id) without sorting every account.
		index('users_role_name_idx').on(t.role, t.displayName, t.id)
	]
);

export type User = typeof users.$inferSelect;
