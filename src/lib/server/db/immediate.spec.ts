import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordAudit } from '../audit';
import { verifyChain } from '../audit/chain.js';
import { FailureThrottle } from '../auth/throttle';
import { db } from '.';
import { auditLog, throttles } from './schema';

const ROUNDS = 400;

/**
 * Runs `write` ROUNDS times while another connection (a worker thread, as a second server process would) keeps
 * writing to the same file; returns what the app's side threw and how often the other side wrote.
 */
async function alongsideSecondWriter(task: 'audit' | 'throttle', write: () => Promise<void>, throttleKey = '') {
	const stop = new Int32Array(new SharedArrayBuffer(4));
	const worker = new Worker(new URL('../testing/second-writer.js', import.meta.url), {
		workerData: { file: process.env.DATABASE_URL, task, stop, throttleKey }
	});
	await once(worker, 'message');
	const errors: string[] = [];
	for (let i = 0; i < ROUNDS; i++) {
		try {
			await write();
		} catch (e) {
			errors.push(e instanceof Error ? `${'code' in e ? e.code : ''} ${e.message}` : String(e));
		}
	}
	Atomics.store(stop, 0, 1);
	const [theirs] = (await once(worker, 'message')) as [number];
	await worker.terminate();
	return { errors, theirs };
}

describe('transactions start IMMEDIATE: a second writer waits instead of failing', () => {
	it('the audit chain stays one unbroken chain while another process appends to it', async () => {
		const { errors, theirs } = await alongsideSecondWriter('audit', () =>
			recordAudit({ actor: null, action: 'auth.signed_in' })
		);
		expect(errors).toEqual([]);
		expect(theirs).toBeGreaterThan(0);
		const rows = db
			.select({
				id: auditLog.id,
				at: auditLog.at,
				actorId: auditLog.actorId,
				actorRole: auditLog.actorRole,
				action: auditLog.action,
				participantId: auditLog.participantId,
				detail: auditLog.detail,
				prevHash: auditLog.prevHash,
				hash: auditLog.hash
			})
			.from(auditLog)
			.orderBy(asc(auditLog.id))
			.all()
			.map((r) => ({ ...r, at: r.at.getTime(), detail: r.detail === null ? null : JSON.stringify(r.detail) }));
		expect(rows).toHaveLength(ROUNDS + theirs);
		expect(verifyChain(rows)).toEqual({ checked: ROUNDS + theirs, broken: null });
	});

	it('a throttle counts every failure, none lost, while another process counts on the same key', async () => {
		const throttle = new FailureThrottle('test:', { maxFailures: 1_000_000, windowMs: 3_600_000, blockMs: 1 });
		const { errors, theirs } = await alongsideSecondWriter(
			'throttle',
			() => throttle.recordFailure('shared'),
			'test:shared'
		);
		expect(errors).toEqual([]);
		const [row] = await db.select().from(throttles).where(eq(throttles.key, 'test:shared'));
		expect(row.failures).toBe(ROUNDS + theirs);
	});
});
