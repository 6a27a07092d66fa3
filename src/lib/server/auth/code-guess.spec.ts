import { describe, expect, it } from 'vitest';
import { checkCode } from './code-guess';

const valid = () => Promise.resolve({ invitation: 'open' });
const wrong = () => Promise.resolve(null);

describe('guessing codes', () => {
	it('refuses wrong codes from an address after ten wrong tries', async () => {
		for (let i = 0; i < 10; i++) expect(await checkCode('10.9.0.1', wrong)).toEqual({ ok: false, retryAfterMs: 0 });
		const throttled = await checkCode('10.9.0.1', wrong);
		expect(throttled.ok).toBe(false);
		expect(!throttled.ok && throttled.retryAfterMs).toBeGreaterThan(29 * 60_000);
	});

	it('never refuses a valid code, even from a throttled shared address', async () => {
		for (let i = 0; i < 12; i++) await checkCode('10.9.0.2', wrong);
		expect(await checkCode('10.9.0.2', valid)).toEqual({ ok: true, found: { invitation: 'open' } });
	});

	it('counts per address, so another address may still try', async () => {
		for (let i = 0; i < 12; i++) await checkCode('10.9.0.3', wrong);
		expect(await checkCode('10.9.0.4', wrong)).toEqual({ ok: false, retryAfterMs: 0 });
	});
});
