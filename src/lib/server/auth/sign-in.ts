import { eq } from 'drizzle-orm';
import { db } from '../db';
import { users, type User } from '../db/schema';
import { verifyAgainstNothing, verifyPasswordHash } from './password';
import { accountThrottle, addressThrottle } from './throttle';

export type SignInResult =
	{ outcome: 'signed_in'; user: User } | { outcome: 'invalid' } | { outcome: 'throttled'; retryAfterMs: number };

export function normaliseUsername(username: string): string {
	return username.trim().toLowerCase();
}

/**
 * Unknown user, wrong password and deactivated account all answer 'invalid' after the same work,
 * so the answer does not reveal which usernames exist.
 */
export async function signIn(usernameInput: string, password: string, address: string): Promise<SignInResult> {
	const username = normaliseUsername(usernameInput);
	const retryAfterMs = Math.max(await accountThrottle.retryAfter(username), await addressThrottle.retryAfter(address));
	if (retryAfterMs > 0) return { outcome: 'throttled', retryAfterMs };

	const [user] = await db.select().from(users).where(eq(users.username, username));
	const valid =
		user === undefined ? await verifyAgainstNothing(password) : await verifyPasswordHash(user.passwordHash, password);
	if (!valid || user === undefined || !user.active) {
		await accountThrottle.recordFailure(username);
		await addressThrottle.recordFailure(address);
		return { outcome: 'invalid' };
	}
	await accountThrottle.reset(username);
	return { outcome: 'signed_in', user };
}
