import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { NOTE_SUBJECTS } from '../../casework';
import { LOCALES } from '../../i18n/locales';
import { cases } from '../cases/tables';
import { contacts } from '../contacts/tables';
import { createdAt, timestamp, updatedAt } from '../db/columns';
import { goals } from '../plans/tables';
import { participants } from '../participants/tables';
import { users } from '../users/tables';

/**
 * A case note on the case, a goal or a contact. Staff-only unless shared with the person; a sensitive note
 * (health, family conflict) only for the assigned caseworker and the lead, and every read of it is audited.
 */
export const caseNotes = sqliteTable(
	'case_notes',
	{
		id: text('id').primaryKey(),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		subject: text('subject', { enum: NOTE_SUBJECTS }).notNull(),
		goalId: text('goal_id').references(() => goals.id),
		contactId: text('contact_id').references(() => contacts.id),
		body: text('body').notNull(),
		language: text('language', { enum: LOCALES }).notNull().default('de'),
		sharedWithParticipant: integer('shared_with_participant', { mode: 'boolean' }).notNull().default(false),
		sensitive: integer('sensitive', { mode: 'boolean' }).notNull().default(false),
		authorId: text('author_id')
			.notNull()
			.references(() => users.id),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		deletedAt: timestamp('deleted_at')
	},
	(t) => [
		index('case_notes_participant_idx').on(t.participantId, t.createdAt),
		index('case_notes_goal_idx').on(t.goalId),
		index('case_notes_contact_idx').on(t.contactId)
	]
);

export type CaseNote = typeof caseNotes.$inferSelect;
