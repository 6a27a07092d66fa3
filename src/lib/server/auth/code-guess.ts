import { invitationThrottle } from './throttle';

export type CodeCheck<T> = { ok: true; found: T } | { ok: false; retryAfterMs: number };

/**
 * Every path that takes an invitation or volunteer code — typed, from a link, or carried back in a cookie the
 * client could set — goes through here. The code is looked up first: a valid, unexpired code always passes,
 * so in a shelter sharing one public address one person's typos never lock out everyone else. Only wrong codes
 * are counted per address, and only wrong codes are refused while the address is throttled.
 */
export async function checkCode<T>(
	address: string,
	lookup: () => Promise<T | null>,
	now = Date.now()
): Promise<CodeCheck<T>> {
	const found = await lookup();
	if (found !== null) return { ok: true, found };
	const waiting = await invitationThrottle.retryAfter(address, now);
	if (waiting > 0) return { ok: false, retryAfterMs: waiting };
	await invitationThrottle.recordFailure(address, now);
	return { ok: false, retryAfterMs: 0 };
}

/** Minutes for the "try again in N minutes" message. */
export function minutesOf(check: { retryAfterMs: number }): number {
	return Math.ceil(check.retryAfterMs / 60_000);
}
