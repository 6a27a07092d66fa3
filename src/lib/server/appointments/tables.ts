import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { APPOINTMENT_KINDS, APPOINTMENT_STATUSES, SLOT_MODES, type BringItem } from '../../domain';
import { timestamp, createdAt, updatedAt } from '../db/columns';
import { users } from '../users/tables';
import { participants } from '../participants/tables';

/** One bookable slot of a caseworker's office hours (times in UTC). A removed slot keeps its row for history. */
export const officeHourSlots = sqliteTable(
	'office_hour_slots',
	{
		id: text('id').primaryKey(),
		caseworkerId: text('caseworker_id')
			.notNull()
			.references(() => users.id),
		startsAt: timestamp('starts_at').notNull(),
		endsAt: timestamp('ends_at').notNull(),
		mode: text('mode', { enum: SLOT_MODES }).notNull(),
		place: text('place').notNull().default(''),
		createdAt: createdAt(),
		removedAt: timestamp('removed_at')
	},
	(t) => [
		index('office_hour_slots_caseworker_idx').on(t.caseworkerId, t.startsAt),
		uniqueIndex('office_hour_slots_unique')
			.on(t.caseworkerId, t.startsAt)
			.where(sql`removed_at IS NULL`)
	]
);

export const appointments = sqliteTable(
	'appointments',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		kind: text('kind', { enum: APPOINTMENT_KINDS }).notNull(),
		// Free text in the language it was written in; empty means "show the kind" in the reader's language.
		title: text('title').notNull().default(''),
		startsAt: timestamp('starts_at').notNull(),
		endsAt: timestamp('ends_at').notNull(),
		place: text('place').notNull().default(''),
		address: text('address').notNull().default(''),
		directions: text('directions').notNull().default(''),
		bring: text('bring', { mode: 'json' })
			.$type<BringItem[]>()
			.notNull()
			.default(sql`'[]'`),
		bringNote: text('bring_note').notNull().default(''),
		note: text('note').notNull().default(''),
		status: text('status', { enum: APPOINTMENT_STATUSES }).notNull(),
		// Who has to answer next; the caseload lists appointments waiting for staff.
		awaiting: text('awaiting', { enum: ['participant', 'staff'] }),
		// The caseworker taking part (null for appointments elsewhere, e.g. the immigration office).
		staffId: text('staff_id').references(() => users.id),
		// A volunteer going along.
		companionId: text('companion_id').references(() => users.id),
		slotId: text('slot_id').references(() => officeHourSlots.id),
		// Set on the new appointment when an old one was moved; the old one is then "rescheduled".
		replacesId: text('replaces_id'),
		// Raised with every change; a form carries the version it showed, so a late answer changes nothing.
		version: integer('version').notNull().default(1),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('appointments_participant_idx').on(t.participantId, t.startsAt),
		index('appointments_awaiting_idx').on(t.awaiting),
		// The caseload counts, per person, what waits for staff; the reminder clock looks for what starts soon.
		index('appointments_participant_awaiting_idx').on(t.participantId, t.awaiting, t.status),
		index('appointments_status_start_idx').on(t.status, t.startsAt),
		// The reminder clock reads what changed since its last run (a booking for this afternoon is due at once).
		index('appointments_updated_idx').on(t.updatedAt),
		// A slot is held by at most one live appointment: two people booking it at once cannot both win.
		uniqueIndex('appointments_slot_unique')
			.on(t.slotId)
			.where(sql`slot_id IS NOT NULL AND status IN ('requested', 'confirmed', 'done')`)
	]
);

/** What happened to an appointment, by whom, with the person's message; append-only. */
export const appointmentEvents = sqliteTable(
	'appointment_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		appointmentId: text('appointment_id')
			.notNull()
			.references(() => appointments.id),
		at: createdAt(),
		actorId: text('actor_id').references(() => users.id),
		action: text('action', {
			enum: [
				'created',
				'requested',
				'confirmed',
				'declined',
				'change_requested',
				'cancelled',
				'rescheduled',
				'done',
				'updated',
				'noted'
			]
		}).notNull(),
		message: text('message').notNull().default('')
	},
	(t) => [index('appointment_events_appointment_idx').on(t.appointmentId, t.id)]
);

/** A private calendar-feed address; only sha256(token) is kept, and a new one revokes the old. */
export const calendarFeeds = sqliteTable(
	'calendar_feeds',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		tokenHash: text('token_hash').notNull(),
		createdAt: createdAt(),
		revokedAt: timestamp('revoked_at'),
		lastFetchedAt: timestamp('last_fetched_at')
	},
	(t) => [
		uniqueIndex('calendar_feeds_token_unique').on(t.tokenHash),
		index('calendar_feeds_participant_idx').on(t.participantId)
	]
);

export type Appointment = typeof appointments.$inferSelect;
