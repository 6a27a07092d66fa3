import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { timestamp, createdAt } from '../db/columns';
import { users } from '../users/tables';

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

export const throttles = sqliteTable('throttles', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull(),
	windowStartedAt: timestamp('window_started_at').notNull(),
	blockedUntil: timestamp('blocked_until')
});

export type Session = typeof sessions.$inferSelect;
