import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { REFERRAL_STATUSES, REFERRAL_TARGETS } from '../../casework';
import { cases } from '../cases/tables';
import { consents } from '../consent/tables';
import { createdAt, timestamp, updatedAt } from '../db/columns';
import { organisations } from '../organisations/tables';
import { participants } from '../participants/tables';
import { users } from '../users/tables';

/** The directory of services people are referred to, kept by admins per county. */
export const services = sqliteTable(
	'services',
	{
		id: text('id').primaryKey(),
		// The county (organisation of kind "county") whose directory lists it.
		countyId: text('county_id')
			.notNull()
			.references(() => organisations.id),
		target: text('target', { enum: REFERRAL_TARGETS }).notNull(),
		name: text('name').notNull(),
		address: text('address').notNull().default(''),
		phone: text('phone').notNull().default(''),
		email: text('email').notNull().default(''),
		note: text('note').notNull().default(''),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [index('services_county_idx').on(t.countyId, t.target, t.name)]
);

/**
 * A referral to a service: made → accepted → attended / failed. One that passes personal data on rests on a
 * consent record naming that service (§ 203 StGB); without one only the person's own way there is recorded.
 */
export const referrals = sqliteTable(
	'referrals',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		serviceId: text('service_id')
			.notNull()
			.references(() => services.id),
		target: text('target', { enum: REFERRAL_TARGETS }).notNull(),
		status: text('status', { enum: REFERRAL_STATUSES }).notNull().default('made'),
		sharesData: integer('shares_data', { mode: 'boolean' }).notNull().default(false),
		consentId: text('consent_id').references(() => consents.id),
		note: text('note').notNull().default(''),
		madeBy: text('made_by')
			.notNull()
			.references(() => users.id),
		madeAt: createdAt(),
		statusChangedAt: timestamp('status_changed_at'),
		version: integer('version').notNull().default(1),
		updatedAt: updatedAt()
	},
	(t) => [
		index('referrals_participant_idx').on(t.participantId, t.madeAt),
		index('referrals_service_idx').on(t.serviceId, t.status)
	]
);

export type Referral = typeof referrals.$inferSelect;
export type Service = typeof services.$inferSelect;
