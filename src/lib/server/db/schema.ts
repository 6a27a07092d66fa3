import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../i18n/locales';
import { ORGANISATION_KINDS, RESIDENCE_STATUSES, ROLES } from '../../domain';

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () =>
	timestamp('created_at')
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const organisations = sqliteTable('organisations', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
	createdAt: createdAt()
});

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
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('users_username_unique').on(t.username)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		// sha256 of the token in the cookie: a leaked database does not hand out sessions.
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

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
		language: text('language', { enum: LOCALES }).notNull(),
		phone: text('phone').notNull().default(''),
		email: text('email').notNull().default(''),
		address: text('address').notNull().default(''),
		createdAt: createdAt(),
		updatedAt: createdAt()
	},
	(t) => [
		uniqueIndex('participants_user_unique').on(t.userId),
		index('participants_org_idx').on(t.organisationId),
		index('participants_household_idx').on(t.householdId)
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

export const invitations = sqliteTable(
	'invitations',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		codeHash: text('code_hash').notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		expiresAt: timestamp('expires_at').notNull(),
		usedAt: timestamp('used_at'),
		cancelledAt: timestamp('cancelled_at')
	},
	(t) => [uniqueIndex('invitations_code_unique').on(t.codeHash), index('invitations_participant_idx').on(t.participantId)]
);

export const throttles = sqliteTable('throttles', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStartedAt: timestamp('window_started_at').notNull(),
	blockedUntil: timestamp('blocked_until')
});

// Append-only: triggers in the migration refuse UPDATE and DELETE.
export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		at: createdAt(),
		actorId: text('actor_id'),
		actorRole: text('actor_role'),
		action: text('action').notNull(),
		participantId: text('participant_id'),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>()
	},
	(t) => [index('audit_participant_idx').on(t.participantId, t.at), index('audit_actor_idx').on(t.actorId, t.at)]
);

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Participant = typeof participants.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
