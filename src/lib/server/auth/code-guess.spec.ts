import { describe, expect, it } from 'vitest';
import { checkCode } from './code-guess';

const valid = () => Promise.resolve({ invitation: 'open' });
const wrong = () => Promise.resolve(null);

describe('guessing codes', () => {
	it('refuses wrong codes from an address after ten wrong tries', async () => {
		for (let i = 0; i < 10; i++) {
			expect(await checkCode('10.9.0.1', wrong, Date.now(), 10)).toEqual({ ok: false, retryAfterMs: 0 });
		}
		const throttled = await checkCode('10.9.0.1', wrong, Date.now(), 10);
		expect(throttled.ok).toBe(false);
		expect(!throttled.ok && throttled.retryAfterMs).toBeGreaterThan(29 * 60_000);
	});

	it('never refuses a valid code, even from a throttled shared address', async () => {
		for (let i = 0; i < 12; i++) await checkCode('10.9.0.2', wrong, Date.now(), 10);
		expect(await checkCode('10.9.0.2', valid, Date.now(), 10)).toEqual({ ok: true, found: { invitation: 'open' } });
	});

	it('counts per address, so another address may still try', async () => {
		for (let i = 0; i < 12; i++) await checkCode('10.9.0.3', wrong, Date.now(), 10);
		expect(await checkCode('10.9.0.4', wrong, Date.now(), 10)).toEqual({ ok: false, retryAfterMs: 0 });
	});
});

describe('pacing a throttled address', () => {
	it('lets a throttled address check one code per pace, valid ones included, so guessing cannot go faster', async () => {
		for (let i = 0; i < 10; i++) await checkCode('10.9.0.5', wrong);
		const started = Date.now();
		const results = await Promise.all([
			checkCode('10.9.0.5', wrong, Date.now(), 100),
			checkCode('10.9.0.5', wrong, Date.now(), 100),
			checkCode('10.9.0.5', valid, Date.now(), 100),
			checkCode('10.9.0.5', wrong, Date.now(), 100)
		]);
		// Four checks from one throttled address take at least three paces, however they were sent.
		expect(Date.now() - started).toBeGreaterThanOrEqual(290);
		expect(results[2]).toEqual({ ok: true, found: { invitation: 'open' } });
		expect(results.filter((r) => !r.ok && r.retryAfterMs > 0)).toHaveLength(3);
	});

	it('does not pace an address that is not throttled', async () => {
		const started = Date.now();
		await Promise.all([checkCode('10.9.0.6', wrong), checkCode('10.9.0.6', valid), checkCode('10.9.0.6', wrong)]);
		expect(Date.now() - started).toBeLessThan(1_000);
	});
});
