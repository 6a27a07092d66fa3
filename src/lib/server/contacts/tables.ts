import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { CONTACT_FORMS, CONTACT_KINDS, INTERPRETERS, NETWORKING_GROUPS, TOPICS } from '../../casework';
import { LOCALES } from '../../i18n/locales';
import { appointments } from '../appointments/tables';
import { cases } from '../cases/tables';
import { createdAt, timestamp, updatedAt } from '../db/columns';
import { documentQuestions } from '../documents/tables';
import { organisations } from '../organisations/tables';
import { participants } from '../participants/tables';
import { users } from '../users/tables';

/**
 * One counselling contact with a participant (and the household members present). Correctable for
 * CONTACT_CORRECTION_DAYS after it was recorded, then locked; every correction is audited.
 */
export const contacts = sqliteTable(
	'contacts',
	{
		id: text('id').primaryKey(),
		// The person whose case it is; `contact_persons` lists everyone present (this person included).
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id),
		caseId: text('case_id')
			.notNull()
			.references(() => cases.id),
		caseworkerId: text('caseworker_id')
			.notNull()
			.references(() => users.id),
		occurredAt: timestamp('occurred_at').notNull(),
		durationMinutes: integer('duration_minutes').notNull(),
		form: text('form', { enum: CONTACT_FORMS }).notNull(),
		kind: text('kind', { enum: CONTACT_KINDS }).notNull(),
		interpreter: text('interpreter', { enum: INTERPRETERS }).notNull().default('none'),
		// Staff-only unless a case note says otherwise; written in `noteLanguage`.
		note: text('note').notNull().default(''),
		noteLanguage: text('note_language', { enum: LOCALES }).notNull().default('de'),
		// Where it came from: a done appointment, or an answer to "please explain" (each at most once).
		appointmentId: text('appointment_id').references(() => appointments.id),
		questionId: text('question_id').references(() => documentQuestions.id),
		version: integer('version').notNull().default(1),
		createdBy: text('created_by')
			.notNull()
			.references(() => users.id),
		createdAt: createdAt(),
		updatedAt: updatedAt()
	},
	(t) => [
		index('contacts_participant_idx').on(t.participantId, t.occurredAt),
		index('contacts_caseworker_idx').on(t.caseworkerId, t.occurredAt),
		uniqueIndex('contacts_appointment_unique').on(t.appointmentId),
		uniqueIndex('contacts_question_unique').on(t.questionId)
	]
);

/** The persons present: one or several members of the household. */
export const contactPersons = sqliteTable(
	'contact_persons',
	{
		contactId: text('contact_id')
			.notNull()
			.references(() => contacts.id, { onDelete: 'cascade' }),
		participantId: text('participant_id')
			.notNull()
			.references(() => participants.id)
	},
	(t) => [
		primaryKey({ columns: [t.contactId, t.participantId] }),
		index('contact_persons_participant_idx').on(t.participantId)
	]
);

/** A contact's topics (multi-count in the key figures): fields of action and sub-topics. */
export const contactTopics = sqliteTable(
	'contact_topics',
	{
		contactId: text('contact_id')
			.notNull()
			.references(() => contacts.id, { onDelete: 'cascade' }),
		topic: text('topic', { enum: TOPICS }).notNull()
	},
	(t) => [primaryKey({ columns: [t.contactId, t.topic] })]
);

/** Networking (Vernetzung): calls and meetings with services, not about one person's case. */
export const networkingContacts = sqliteTable(
	'networking_contacts',
	{
		id: text('id').primaryKey(),
		caseworkerId: text('caseworker_id')
			.notNull()
			.references(() => users.id),
		organisationId: text('organisation_id')
			.notNull()
			.references(() => organisations.id),
		occurredAt: timestamp('occurred_at').notNull(),
		group: text('group', { enum: NETWORKING_GROUPS }).notNull(),
		form: text('form', { enum: ['meeting', 'phone', 'digital'] }).notNull(),
		durationMinutes: integer('duration_minutes').notNull(),
		// Who with and what about, never a person's name or details.
		note: text('note').notNull().default(''),
		version: integer('version').notNull().default(1),
		createdAt: createdAt(),
		updatedAt: updatedAt(),
		deletedAt: timestamp('deleted_at')
	},
	(t) => [
		index('networking_caseworker_idx').on(t.caseworkerId, t.occurredAt),
		index('networking_organisation_idx').on(t.organisationId, t.occurredAt)
	]
);

export type Contact = typeof contacts.$inferSelect;
