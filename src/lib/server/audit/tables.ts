import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt } from '../db/columns';

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

/**
 * Whom each entry is about: its participant and everyone a list showed by name. "Who saw my data" pages
 * through this by key instead of reading every entry's JSON. Written with the entry; append-only like it.
 */
export const auditSubjects = sqliteTable(
	'audit_subjects',
	{
		participantId: text('participant_id').notNull(),
		auditId: integer('audit_id')
			.notNull()
			.references(() => auditLog.id)
	},
	(t) => [primaryKey({ columns: [t.participantId, t.auditId] })]
);

export type AuditEntry = typeof auditLog.$inferSelect;
