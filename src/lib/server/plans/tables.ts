import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../i18n/locales';
import { ASSIGNEES, FIELDS, GOAL_STATUSES, PROPOSAL_STATES } from '../../plan';
import type { PlanSnapshot } from '../plans/snapshot';
import { timestamp, createdAt, updatedAt } from '../db/columns';
import { users } from '../users/tables';
import { participants } from '../participants/tables';

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

export const planReviews = sqliteTable(
	'plan_reviews',
	{
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
	},
	// The key figures read a person's reviews in order (K4: was each held by the date the one before set?).
	(t) => [index('plan_reviews_participant_idx').on(t.participantId, t.heldAt)]
);

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
