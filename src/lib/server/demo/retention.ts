import { eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import { caseEvents, cases } from '../db/schema';

const DAY = 86_400_000;

/**
 * Two of Caritas' cases closed almost three years ago (its default retention period), so the admin's and the
 * lead's dry runs (/admin/retention, /team/retention) show what the retention run will anonymise within the month.
 * Closed in 12 and 20 days' time three years back: never anonymised while the demo starts.
 */
export async function seedDemoRetention(participantIds: string[]): Promise<void> {
	const chosen = participantIds.slice(-2);
	const now = Date.now();
	const rows = await db.select().from(cases).where(inArray(cases.participantId, chosen));
	for (const [i, row] of rows.entries()) {
		const closedAt = new Date(now - (3 * 365 + 1 - (i === 0 ? 12 : 20)) * DAY);
		db.transaction((tx) => {
			tx.update(cases)
				.set({ status: 'closed', closureReason: 'goals_reached', closedAt, version: row.version + 1 })
				.where(eq(cases.id, row.id))
				.run();
			tx.insert(caseEvents)
				.values({ caseId: row.id, kind: 'closed', fromStatus: row.status, toStatus: 'closed', at: closedAt })
				.run();
		});
	}
}
