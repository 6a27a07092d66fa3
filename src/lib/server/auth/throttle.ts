import { eq } from 'drizzle-orm';
import { db } from '../db';
import { throttles } from '../db/schema';

export type ThrottleRule = { maxFailures: number; windowMs: number; blockMs: number };

/**
 * Counts failures per key (an account, an address) in the database, so a restart or a second
 * process does not reset an attacker's budget.
 */
export class FailureThrottle {
	constructor(
		private readonly prefix: string,
		private readonly rule: ThrottleRule
	) {}

	/** Milliseconds until the key may try again; 0 when it may try now. */
	async retryAfter(key: string, now = Date.now()): Promise<number> {
		const [row] = await db
			.select()
			.from(throttles)
			.where(eq(throttles.key, this.prefix + key));
		if (row === undefined || row.blockedUntil === null) return 0;
		return Math.max(0, row.blockedUntil.getTime() - now);
	}

	async recordFailure(key: string, now = Date.now()): Promise<void> {
		const id = this.prefix + key;
		db.transaction((tx) => {
			const row = tx.select().from(throttles).where(eq(throttles.key, id)).get();
			const windowOpen = row !== undefined && now - row.windowStartedAt.getTime() < this.rule.windowMs;
			const failures = windowOpen ? row.failures + 1 : 1;
			const windowStartedAt = windowOpen ? row.windowStartedAt : new Date(now);
			const blockedUntil = failures >= this.rule.maxFailures ? new Date(now + this.rule.blockMs) : null;
			tx.insert(throttles)
				.values({ key: id, failures, windowStartedAt, blockedUntil })
				.onConflictDoUpdate({ target: throttles.key, set: { failures, windowStartedAt, blockedUntil } })
				.run();
		});
	}

	async reset(key: string): Promise<void> {
		await db.delete(throttles).where(eq(throttles.key, this.prefix + key));
	}
}

const MINUTE = 60_000;

// Five wrong passwords lock one account for 15 minutes: slow enough against guessing, short enough
// that a participant who mistyped can retry the same day without calling the caseworker.
export const accountThrottle = new FailureThrottle('account:', {
	maxFailures: 5,
	windowMs: 15 * MINUTE,
	blockMs: 15 * MINUTE
});
// An office or shelter shares one address, so the per-address budget is larger.
export const addressThrottle = new FailureThrottle('address:', {
	maxFailures: 30,
	windowMs: 15 * MINUTE,
	blockMs: 15 * MINUTE
});
// Invitation codes carry ~40 bits; this keeps guessing them hopeless.
export const invitationThrottle = new FailureThrottle('invitation:', {
	maxFailures: 10,
	windowMs: 15 * MINUTE,
	blockMs: 30 * MINUTE
});
