import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../i18n/locales';
import { CONSENT_STATES, type ConsentScope } from '../../domain';
import { timestamp, createdAt } from '../db/columns';
import { users } from '../users/tables';
import { participants } from '../participants/tables';

/**
 * One consent record per grant (ISO/IEC TS 27560 style). Append-only: a renewal is a new record pointing to
 * the one it renews; changes of state are events. Triggers refuse updates to what was consented to.
 */
export const consents = sqliteTable(
	'consents',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		granteeKind: text('grantee_kind', { enum: ['volunteer', 'service'] }).notNull(),
		// A volunteer's account, once they accepted the invitation; null for services and pending invitations.
		granteeUserId: text('grantee_user_id').references(() => users.id),
		granteeName: text('grantee_name').notNull(),
		purpose: text('purpose').notNull(),
		scopes: text('scopes', { mode: 'json' }).$type<ConsentScope[]>().notNull(),
		validFrom: timestamp('valid_from').notNull(),
		validUntil: timestamp('valid_until').notNull(),
		givenVia: text('given_via', { enum: ['app', 'paper'] }).notNull(),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => users.id),
		paperNote: text('paper_note').notNull().default(''),
		noticeVersion: text('notice_version').notNull(),
		noticeLocale: text('notice_locale', { enum: LOCALES }).notNull(),
		renews: text('renews'),
		// sha256 of a one-time code for the volunteer to accept the grant; null once accepted or for services.
		inviteCodeHash: text('invite_code_hash'),
		// Raised with every event (accepted, withdrawn, revoked, renewed), so each can be written only once.
		version: integer('version').notNull().default(1),
		createdAt: createdAt()
	},
	(t) => [
		index('consents_participant_idx').on(t.participantId),
		index('consents_grantee_idx').on(t.granteeUserId),
		uniqueIndex('consents_invite_unique').on(t.inviteCodeHash)
	]
);

export const consentEvents = sqliteTable(
	'consent_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		consentId: text('consent_id')
			.notNull()
			.references(() => consents.id),
		state: text('state', { enum: CONSENT_STATES }).notNull(),
		at: createdAt(),
		actorId: text('actor_id').references(() => users.id),
		reason: text('reason').notNull().default('')
	},
	(t) => [index('consent_events_consent_idx').on(t.consentId, t.id)]
);

export const correctionRequests = sqliteTable('correction_requests', {
	id: text('id').primaryKey(),
	participantId: text('participant_id')
		.notNull()
		.references(() => participants.id),
	request: text('request').notNull(),
	recordedBy: text('recorded_by')
		.notNull()
		.references(() => users.id),
	createdAt: createdAt(),
	outcome: text('outcome', { enum: ['corrected', 'declined'] }),
	outcomeNote: text('outcome_note').notNull().default(''),
	outcomeBy: text('outcome_by').references(() => users.id),
	outcomeAt: timestamp('outcome_at'),
	// Raised with the decision, so a second decision made on the same form cannot overwrite the first.
	version: integer('version').notNull().default(1)
});

export type Consent = typeof consents.$inferSelect;
