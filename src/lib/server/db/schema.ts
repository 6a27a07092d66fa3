import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../i18n/locales';
import {
	APPOINTMENT_KINDS,
	APPOINTMENT_STATUSES,
	CONSENT_STATES,
	DOCUMENT_CATEGORIES,
	ORGANISATION_KINDS,
	REMINDER_SUBJECTS,
	RESIDENCE_STATUSES,
	ROLES,
	SLOT_MODES,
	type BringItem,
	type ConsentScope
} from '../../domain';
import { ASSIGNEES, FIELDS, GOAL_STATUSES, PROPOSAL_STATES } from '../../plan';
import type { PlanSnapshot } from '../plans/snapshot';

const timestamp = (name: string) => integer(name, { mode: 'timestamp_ms' });
const createdAt = () =>
	timestamp('created_at')
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);
/**
 * When a row last changed; the app sets it on insert and with every update. (The database default is a
 * constant because SQLite cannot add a column with a computed default to a table that has rows.)
 */
const updatedAt = () =>
	timestamp('updated_at')
		.notNull()
		.default(sql`0`)
		.$defaultFn(() => new Date());

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
		updatedAt: updatedAt()
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
	(t) => [
		uniqueIndex('invitations_code_unique').on(t.codeHash),
		index('invitations_participant_idx').on(t.participantId)
	]
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
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
		// Each entry's hash covers the previous entry's hash: editing or removing one breaks the chain after it.
		prevHash: text('prev_hash').notNull().default(''),
		hash: text('hash').notNull().default('')
	},
	(t) => [index('audit_participant_idx').on(t.participantId, t.at), index('audit_actor_idx').on(t.actorId, t.at)]
);

export type Organisation = typeof organisations.$inferSelect;
export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Participant = typeof participants.$inferSelect;
export type Invitation = typeof invitations.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;

// ——— Integration plan ———

export const catalogueEntries = sqliteTable(
	'catalogue_entries',
	{
		// Stable keys ("language_b1"), so the shipped catalogue can be updated in place.
		id: text('id').primaryKey(),
		kind: text('kind', { enum: ['goal', 'step'] }).notNull(),
		parentId: text('parent_id'),
		field: text('field', { enum: FIELDS }).notNull(),
		position: integer('position').notNull().default(0),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		createdBy: text('created_by').references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [index('catalogue_parent_idx').on(t.parentId)]
);

export const catalogueTexts = sqliteTable(
	'catalogue_texts',
	{
		entryId: text('entry_id')
			.notNull()
			.references(() => catalogueEntries.id),
		locale: text('locale', { enum: LOCALES }).notNull(),
		text: text('text').notNull()
	},
	(t) => [primaryKey({ columns: [t.entryId, t.locale] })]
);

export const plans = sqliteTable('plans', {
	participantId: text('participant_id')
		.primaryKey()
		.references(() => participants.id),
	nextReviewDate: text('next_review_date'),
	updatedAt: createdAt()
});

/** Columns every co-edited plan item carries: who made and changed it, and a version for merging late saves. */
function editTracking() {
	return {
		// Incremented on every change: a save based on an older version is merged, never written over.
		version: integer('version').notNull().default(1),
		createdBy: text('created_by').references(() => users.id),
		createdAt: createdAt(),
		updatedBy: text('updated_by').references(() => users.id),
		updatedAt: updatedAt(),
		deletedAt: timestamp('deleted_at')
	};
}

export const goals = sqliteTable(
	'goals',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		field: text('field', { enum: FIELDS }).notNull(),
		catalogueId: text('catalogue_id').references(() => catalogueEntries.id),
		// Free text as written, and the language it was written in; empty for catalogue goals.
		title: text('title').notNull().default(''),
		titleLocale: text('title_locale', { enum: LOCALES }),
		why: text('why').notNull().default(''),
		whyLocale: text('why_locale', { enum: LOCALES }),
		status: text('status', { enum: GOAL_STATUSES }).notNull().default('planned'),
		targetDate: text('target_date'),
		nextReviewDate: text('next_review_date'),
		position: integer('position').notNull().default(0),
		proposal: text('proposal', { enum: PROPOSAL_STATES }).notNull().default('none'),
		declineReason: text('decline_reason').notNull().default(''),
		...editTracking()
	},
	(t) => [index('goals_participant_idx').on(t.participantId, t.position)]
);

export const steps = sqliteTable(
	'steps',
	{
		id: text('id').primaryKey(),
		goalId: text('goal_id')
			.notNull()
			.references(() => goals.id),
		catalogueId: text('catalogue_id').references(() => catalogueEntries.id),
		text: text('text').notNull().default(''),
		textLocale: text('text_locale', { enum: LOCALES }),
		assignee: text('assignee', { enum: ASSIGNEES }).notNull(),
		serviceName: text('service_name').notNull().default(''),
		dueDate: text('due_date'),
		done: integer('done', { mode: 'boolean' }).notNull().default(false),
		position: integer('position').notNull().default(0),
		...editTracking()
	},
	(t) => [index('steps_goal_idx').on(t.goalId, t.position)]
);

export const goalComments = sqliteTable(
	'goal_comments',
	{
		id: text('id').primaryKey(),
		goalId: text('goal_id')
			.notNull()
			.references(() => goals.id),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		text: text('text').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('goal_comments_goal_idx').on(t.goalId, t.createdAt)]
);

/** Who changed what and when, shown to participant and caseworker alike. */
export const planHistory = sqliteTable(
	'plan_history',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		goalId: text('goal_id'),
		stepId: text('step_id'),
		actorId: text('actor_id').references(() => users.id),
		at: createdAt(),
		change: text('change').notNull(),
		detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>()
	},
	(t) => [index('plan_history_participant_idx').on(t.participantId, t.at)]
);

export const planReviews = sqliteTable('plan_reviews', {
	id: text('id').primaryKey(),
	participantId: text('participant_id')
		.notNull()
		.references(() => participants.id),
	heldAt: createdAt(),
	heldBy: text('held_by')
		.notNull()
		.references(() => users.id),
	nextReviewDate: text('next_review_date').notNull(),
	note: text('note').notNull().default('')
});

export const planReviewOutcomes = sqliteTable(
	'plan_review_outcomes',
	{
		reviewId: text('review_id')
			.notNull()
			.references(() => planReviews.id),
		goalId: text('goal_id')
			.notNull()
			.references(() => goals.id),
		statusBefore: text('status_before', { enum: GOAL_STATUSES }).notNull(),
		statusAfter: text('status_after', { enum: GOAL_STATUSES }).notNull(),
		note: text('note').notNull().default('')
	},
	(t) => [primaryKey({ columns: [t.reviewId, t.goalId] })]
);

/** A plan version put up for agreement; once both sides confirmed, a trigger keeps it unchanged for good. */
export const planVersions = sqliteTable(
	'plan_versions',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		number: integer('number').notNull(),
		snapshot: text('snapshot', { mode: 'json' }).$type<PlanSnapshot>().notNull(),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		participantConfirmedAt: timestamp('participant_confirmed_at'),
		participantConfirmedVia: text('participant_confirmed_via', { enum: ['device', 'paper'] }),
		paperNote: text('paper_note').notNull().default(''),
		paperRecordedBy: text('paper_recorded_by').references(() => users.id),
		caseworkerConfirmedAt: timestamp('caseworker_confirmed_at'),
		caseworkerConfirmedBy: text('caseworker_confirmed_by').references(() => users.id),
		agreedAt: timestamp('agreed_at'),
		cancelledAt: timestamp('cancelled_at')
	},
	(t) => [uniqueIndex('plan_versions_number_unique').on(t.participantId, t.number)]
);

export type Goal = typeof goals.$inferSelect;
export type Step = typeof steps.$inferSelect;
export type PlanVersion = typeof planVersions.$inferSelect;

// ——— Consent ———

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
	outcomeAt: timestamp('outcome_at')
});

export type Consent = typeof consents.$inferSelect;

// ——— Appointments ———

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
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('appointments_participant_idx').on(t.participantId, t.startsAt),
		index('appointments_awaiting_idx').on(t.awaiting),
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

// ——— Reminders, push and calendar feeds ———

/** One browser/device that agreed to receive push messages (Web Push subscription). */
export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		endpoint: text('endpoint').notNull(),
		p256dh: text('p256dh').notNull(),
		auth: text('auth').notNull(),
		createdAt: createdAt(),
		lastSentAt: timestamp('last_sent_at')
	},
	(t) => [
		uniqueIndex('push_subscriptions_endpoint_unique').on(t.endpoint),
		index('push_subscriptions_user_idx').on(t.userId)
	]
);

/**
 * A reminder that became due for one person: the in-app list shows these, and push sends each once.
 * `offset` names which reminder it is (e.g. "1d", "2h" before an appointment; "8w", "2w" before an expiry).
 */
export const reminders = sqliteTable(
	'reminders',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		subject: text('subject', { enum: REMINDER_SUBJECTS }).notNull(),
		subjectId: text('subject_id').notNull(),
		offset: text('offset').notNull(),
		dueAt: timestamp('due_at').notNull(),
		createdAt: createdAt(),
		pushedAt: timestamp('pushed_at'),
		dismissedAt: timestamp('dismissed_at')
	},
	(t) => [
		uniqueIndex('reminders_unique').on(t.userId, t.subject, t.subjectId, t.offset),
		index('reminders_user_idx').on(t.userId, t.dueAt)
	]
);

/** Which reminders a person wants; no row means all of them. */
export const reminderSettings = sqliteTable('reminder_settings', {
	userId: text('user_id')
		.primaryKey()
		.references(() => users.id, { onDelete: 'cascade' }),
	offsets: text('offsets', { mode: 'json' }).$type<string[]>().notNull(),
	updatedAt: createdAt()
});

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

// ——— Documents ———

/** A paper the participant keeps in Tandem: one or more pages (files), metadata here, bytes encrypted on disk. */
export const documents = sqliteTable(
	'documents',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		category: text('category', { enum: DOCUMENT_CATEGORIES }).notNull(),
		title: text('title').notNull(),
		// YYYY-MM-DD (a date on the paper, not a moment); reminders come 8 and 2 weeks before.
		expiresOn: text('expires_on'),
		uploadedBy: text('uploaded_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		updatedAt: timestamp('updated_at')
			.notNull()
			.default(sql`(unixepoch('subsec') * 1000)`)
	},
	(t) => [
		index('documents_participant_idx').on(t.participantId, t.createdAt),
		index('documents_expiry_idx').on(t.expiresOn)
	]
);

/** One page of a document. The bytes live encrypted under the data folder, named by a random storage key. */
export const documentFiles = sqliteTable(
	'document_files',
	{
		id: text('id').primaryKey(),
		documentId: text('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		position: integer('position').notNull(),
		// The name it had on the phone, cleaned of paths and control characters; shown and offered on download.
		originalName: text('original_name').notNull(),
		mediaType: text('media_type', { enum: ['image/jpeg', 'application/pdf'] }).notNull(),
		byteSize: integer('byte_size').notNull(),
		width: integer('width'),
		height: integer('height'),
		storageKey: text('storage_key').notNull(),
		thumbnailKey: text('thumbnail_key'),
		uploadedBy: text('uploaded_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt()
	},
	(t) => [
		index('document_files_document_idx').on(t.documentId, t.position),
		uniqueIndex('document_files_storage_unique').on(t.storageKey)
	]
);

/** "Please explain this letter": the participant's question in their own words, and the caseworker's answer. */
export const documentQuestions = sqliteTable(
	'document_questions',
	{
		id: text('id').primaryKey(),
		documentId: text('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		question: text('question').notNull().default(''),
		questionLocale: text('question_locale', { enum: LOCALES }),
		askedBy: text('asked_by')
			.notNull()
			.references(() => users.id),
		askedAt: timestamp('asked_at').notNull(),
		answer: text('answer'),
		answerLocale: text('answer_locale', { enum: LOCALES }),
		answeredBy: text('answered_by').references(() => users.id),
		answeredAt: timestamp('answered_at')
	},
	(t) => [
		index('document_questions_document_idx').on(t.documentId, t.askedAt),
		index('document_questions_open_idx').on(t.participantId, t.answeredAt),
		// At most one open question per document: asking again while waiting changes nothing.
		uniqueIndex('document_questions_open_unique')
			.on(t.documentId)
			.where(sql`answered_at IS NULL`)
	]
);

export type DocumentRow = typeof documents.$inferSelect;
export type DocumentFile = typeof documentFiles.$inferSelect;
export type DocumentQuestion = typeof documentQuestions.$inferSelect;
