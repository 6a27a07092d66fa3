import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
	ASSESSMENT_KINDS,
	BENEFITS,
	CASE_STATUSES,
	CHILDREN_CARE,
	CLOSURE_REASONS,
	ELIGIBILITY_BASES,
	GERMAN_LEVELS,
	HOUSING_SITUATIONS,
	PERIOD_MONTHS,
	RECOGNITION,
	SCHOOLING,
	TRANSFER_TARGETS,
	WORK_SITUATIONS
} from '../../casework';
import { RESIDENCE_STATUSES } from '../../domain';
import type { Field } from '../../plan';
import { consents } from '../consent/tables';
import { createdAt, timestamp, updatedAt } from '../db/columns';
import { participants } from '../participants/tables';
import { users } from '../users/tables';

/**
 * One case per participant: the course of their counselling from handover to closure. Dates without a time
 * ("YYYY-MM-DD", German calendar) where the law counts in days and months.
 */
export const cases = sqliteTable(
	'cases',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		status: text('status', { enum: CASE_STATUSES }).notNull(),
		eligibility: text('eligibility', { enum: ELIGIBILITY_BASES }),
		// Allocation to the town; the handover usually comes before or at the move.
		allocatedOn: text('allocated_on'),
		// The first contact starts the counselling period.
		periodStartsOn: text('period_starts_on'),
		// 36, or up to 48 after an extension the lead approved.
		periodMonths: integer('period_months').notNull().default(PERIOD_MONTHS),
		closureReason: text('closure_reason', { enum: CLOSURE_REASONS }),
		closedAt: timestamp('closed_at'),
		transferTarget: text('transfer_target', { enum: TRANSFER_TARGETS }),
		// The receiving service (referral directory) and the warm-handover appointment with it.
		transferServiceId: text('transfer_service_id'),
		transferAppointmentId: text('transfer_appointment_id'),
		// Set when the retention period after closure ran out and the person's data were removed.
		anonymisedAt: timestamp('anonymised_at'),
		// Raised with every change: a form based on an older version changes nothing ("changed meanwhile").
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		uniqueIndex('cases_participant_unique').on(t.participantId),
		index('cases_status_idx').on(t.status),
		// The daily retention run reads closed cases not yet anonymised by closure time (retention/due.ts).
		index('cases_retention_idx')
			.on(t.status, t.closedAt)
			.where(sql`anonymised_at IS NULL`)
	]
);

/** What happened to a case, append-only (database triggers refuse changes): who, when, why. */
export const caseEvents = sqliteTable(
	'case_events',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		// handover_received, first_contact, status_changed, extension_requested/approved/refused,
		// closure_requested/approved/refused, transferred, closed, reopened, reassigned, cover_started/ended,
		// assessment_recorded, referral_changed
		kind: text('kind').notNull(),
		fromStatus: text('from_status', { enum: CASE_STATUSES }),
		toStatus: text('to_status', { enum: CASE_STATUSES }),
		reason: text('reason').notNull().default(''),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
		actorId: text('actor_id').references(() => users.id),
		at: createdAt()
	},
	(t) => [index('case_events_case_idx').on(t.caseId, t.at)]
);

/** A step that needs the team lead's sign-off: an extension to a 4th year, or some closures. */
export const caseRequests = sqliteTable(
	'case_requests',
	{
		id: text('id').primaryKey(),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		kind: text('kind', { enum: ['extension', 'closure'] }).notNull(),
		reason: text('reason').notNull(),
		closureReason: text('closure_reason', { enum: CLOSURE_REASONS }),
		// For an extension: the new length of the period in months (at most 48).
		months: integer('months'),
		requestedBy: text('requested_by')
			.notNull()
			.references(() => users.id),
		requestedAt: createdAt(),
		outcome: text('outcome', { enum: ['approved', 'refused', 'withdrawn'] }),
		decidedBy: text('decided_by').references(() => users.id),
		decidedAt: timestamp('decided_at'),
		decisionNote: text('decision_note').notNull().default('')
	},
	(t) => [
		// At most one open request of each kind per case.
		uniqueIndex('case_requests_open_unique')
			.on(t.caseId, t.kind)
			.where(sql`outcome IS NULL`),
		index('case_requests_open_idx').on(t.outcome, t.requestedAt)
	]
);

/** The handover from the shelter's (GU) social services. */
export const handovers = sqliteTable(
	'handovers',
	{
		id: text('id').primaryKey(),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		service: text('service').notNull(),
		person: text('person').notNull().default(''),
		phone: text('phone').notNull().default(''),
		allocatedOn: text('allocated_on').notNull(),
		// Open matters per field of action, as the social worker wrote them (language: `language`).
		openMatters: text('open_matters', { mode: 'json' })
			.$type<Partial<Record<Field, string>>>()
			.notNull()
			.default(sql`'{}'`),
		language: text('language').notNull().default('de'),
		// Consent to hand these data on: a recorded consent, or the date of a paper one kept in the file.
		consentId: text('consent_id').references(() => consents.id),
		paperConsentOn: text('paper_consent_on'),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('handovers_case_idx').on(t.caseId)]
);

/**
 * A colleague covers while someone is away: all of the absent caseworker's cases, or one case. The cover
 * ends by itself at `endsOn` (inclusive, German calendar) or earlier when `endedAt` is set.
 */
export const covers = sqliteTable(
	'covers',
	{
		id: text('id').primaryKey(),
		absentId: text('absent_id')
			.notNull()
			.references(() => users.id),
		coverId: text('cover_id')
			.notNull()
			.references(() => users.id),
		// null: the absent caseworker's whole caseload.
		participantId: text('participant_id').references(() => participants.id),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on').notNull(),
		note: text('note').notNull().default(''),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		endedAt: timestamp('ended_at')
	},
	(t) => [index('covers_cover_idx').on(t.coverId, t.endsOn), index('covers_absent_idx').on(t.absentId, t.endsOn)]
);

/** The assessment at the start (entry) and the same questions at closure (exit): the key figures compare them. */
export const assessments = sqliteTable(
	'assessments',
	{
		id: text('id').primaryKey(),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		kind: text('kind', { enum: ASSESSMENT_KINDS }).notNull(),
		germanLevel: text('german_level', { enum: GERMAN_LEVELS }),
		schooling: text('schooling', { enum: SCHOOLING }),
		recognition: text('recognition', { enum: RECOGNITION }),
		work: text('work', { enum: WORK_SITUATIONS }),
		housing: text('housing', { enum: HOUSING_SITUATIONS }),
		benefits: text('benefits', { enum: BENEFITS }),
		childrenCare: text('children_care', { enum: CHILDREN_CARE }),
		residenceStatus: text('residence_status', { enum: RESIDENCE_STATUSES }),
		residenceExpiresOn: text('residence_expires_on'),
		note: text('note').notNull().default(''),
		recordedBy: text('recorded_by')
			.notNull()
			.references(() => users.id),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [uniqueIndex('assessments_case_kind_unique').on(t.caseId, t.kind)]
);

export type Case = typeof cases.$inferSelect;
export type CaseEvent = typeof caseEvents.$inferSelect;
