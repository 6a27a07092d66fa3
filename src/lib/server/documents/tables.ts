import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES } from '../../i18n/locales';
import { DOCUMENT_CATEGORIES } from '../../domain';
import { timestamp, createdAt } from '../db/columns';
import { users } from '../users/tables';
import { participants } from '../participants/tables';

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
		index('documents_expiry_idx').on(t.expiresOn),
		// Between two mornings the reminder clock reads only papers added or changed since its last run.
		index('documents_updated_idx').on(t.updatedAt)
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
		// The start-up sweep asks for every file in the folder whether a row still knows it.
		index('document_files_thumbnail_idx').on(t.thumbnailKey),
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
