import { setTimeout as sleep } from 'node:timers/promises';
import { invitationThrottle } from './throttle';

export type CodeCheck<T> = { ok: true; found: T } | { ok: false; retryAfterMs: number };

/**
 * While an address is throttled, its code checks take turns, one per PACE_MS. Looking the code up first (so a
 * valid code always passes) means a refusal alone would not slow a guesser: the answer "throttled" already tells
 * them the code was wrong. The pace does: from one address, at most 30 guesses a minute, against codes of about
 * 40 bits. Someone with a valid code waits a moment in line; they are never turned away.
 */
const PACE_MS = 2_000;
// When each throttled address may next check a code (ms since epoch). Holds addresses, never personal data;
// entries past their time are dropped as the map is used.
const nextTurn = new Map<string, number>();

async function waitForTurn(address: string, paceMs: number): Promise<void> {
	const now = Date.now();
	if (nextTurn.size > 10_000) {
		for (const [key, at] of nextTurn) if (at <= now) nextTurn.delete(key);
	}
	const at = Math.max(now, nextTurn.get(address) ?? 0);
	nextTurn.set(address, at + paceMs);
	if (at > now) await sleep(at - now);
}

/**
 * Every path that takes an invitation or volunteer code — typed, from a link, or carried back in a cookie the
 * client could set — goes through here. The code is looked up first: a valid, unexpired code always passes,
 * so in a shelter sharing one public address one person's typos never lock out everyone else. Only wrong codes
 * are counted per address; once an address is throttled its checks are paced and wrong codes are answered
 * with "try again in N minutes".
 */
export async function checkCode<T>(
	address: string,
	lookup: () => Promise<T | null>,
	now = Date.now(),
	paceMs = PACE_MS
): Promise<CodeCheck<T>> {
	const waiting = await invitationThrottle.retryAfter(address, now);
	if (waiting > 0) await waitForTurn(address, paceMs);
	const found = await lookup();
	if (found !== null) return { ok: true, found };
	if (waiting > 0) return { ok: false, retryAfterMs: waiting };
	await invitationThrottle.recordFailure(address, now);
	return { ok: false, retryAfterMs: 0 };
}

/** Minutes for the "try again in N minutes" message. */
export function minutesOf(check: { retryAfterMs: number }): number {
	return Math.ceil(check.retryAfterMs / 60_000);
}
