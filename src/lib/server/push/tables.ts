import { index, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { timestamp, createdAt } from '../db/columns';
import { sessions } from '../auth/tables';
import { users } from '../users/tables';

/** One browser/device that agreed to receive push messages (Web Push subscription). */
export const pushSubscriptions = sqliteTable(
	'push_subscriptions',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		// The session that turned reminders on: signing out (or any end of that session) unsubscribes this device,
		// so the next person on a shared phone does not receive her reminders.
		sessionId: text('session_id').references(() => sessions.id, { onDelete: 'cascade' }),
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
