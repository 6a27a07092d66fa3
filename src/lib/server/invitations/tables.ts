import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamp, createdAt } from '../db/columns';
import { users } from '../users/tables';
import { participants } from '../participants/tables';

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

export type Invitation = typeof invitations.$inferSelect;
