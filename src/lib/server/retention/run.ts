import { asc, eq } from 'drizzle-orm';
import { dayInGermany } from '$lib/i18n/format';
import { db } from '../db';
import { cases, organisations, participants } from '../db/schema';
import { remove } from '../documents/storage';
import { anonymiseCaseIn } from './anonymise';
import { dueOn } from './due';

/** Cases per transaction batch: each case is its own short transaction, and the loop yields between batches. */
const BATCH = 20;

/** The cases due on `day`, oldest closure first. */
export async function dueCaseIds(day: string, limit: number): Promise<string[]> {
	const rows = await db
		.select({ id: cases.id })
		.from(cases)
		.innerJoin(participants, eq(participants.id, cases.participantId))
		.innerJoin(organisations, eq(organisations.id, participants.organisationId))
		.where(dueOn(day))
		.orderBy(asc(cases.closedAt), asc(cases.id))
		.limit(limit);
	return rows.map((r) => r.id);
}

export type RetentionRun = { anonymised: string[] };

/**
 * Anonymises every case due today, one transaction per case. Safe to run twice at once: the conditional update
 * in anonymiseCaseIn lets one run win per case, the other skips it.
 */
export async function runRetention(now = new Date()): Promise<RetentionRun> {
	const day = dayInGermany(now);
	const anonymised: string[] = [];
	const skipped = new Set<string>();
	for (;;) {
		const ids = (await dueCaseIds(day, BATCH + skipped.size)).filter((id) => !skipped.has(id));
		if (ids.length === 0) break;
		for (const id of ids.slice(0, BATCH)) {
			const done = db.transaction((tx) => anonymiseCaseIn(tx, id, now));
			if (done === null) {
				skipped.add(id);
				continue;
			}
			anonymised.push(id);
			// Files go after the commit: a rolled-back transaction must not have lost them.
			await remove(done.storageKeys);
		}
		// Let requests in between batches.
		await new Promise((resolve) => setImmediate(resolve));
	}
	return { anonymised };
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Once a day in the server process, like the reminder clock; the first run a minute after start. */
export function startRetentionClock(intervalMs = 24 * 60 * 60 * 1000): void {
	if (timer !== null) return;
	const tick = () => runRetention().catch((e: unknown) => console.error('retention: run failed', e));
	setTimeout(() => void tick(), 60_000).unref();
	timer = setInterval(() => void tick(), intervalMs);
	timer.unref();
}
