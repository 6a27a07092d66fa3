import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { REMINDER_SUBJECTS } from '../../domain';
import { timestamp, createdAt } from '../db/columns';
import { users } from '../users/tables';
import { participants } from '../participants/tables';

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
