import { describe, expect, it } from 'vitest';
import { makeOrganisation, makeUser, TEST_PASSWORD } from '../testing/factories';
import { signIn } from './sign-in';
import { FailureThrottle } from './throttle';

describe('sign-in', () => {
	it('accepts the right password, whatever the case of the username', async () => {
		const org = await makeOrganisation();
		const user = await makeUser('caseworker', org.id);
		const result = await signIn(`  ${user.username.toUpperCase()} `, TEST_PASSWORD, '10.0.0.1');
		expect(result.outcome).toBe('signed_in');
	});

	it('answers an unknown user exactly like a wrong password', async () => {
		const org = await makeOrganisation();
		const user = await makeUser('caseworker', org.id);
		expect(await signIn(user.username, 'wrong password', '10.0.0.2')).toEqual({ outcome: 'invalid' });
		expect(await signIn('nobody-here', TEST_PASSWORD, '10.0.0.2')).toEqual({ outcome: 'invalid' });
	});

	it('refuses a deactivated account with the same answer', async () => {
		const user = await makeUser('volunteer', null, { active: false });
		expect(await signIn(user.username, TEST_PASSWORD, '10.0.0.3')).toEqual({ outcome: 'invalid' });
	});

	it('locks an account for 15 minutes after five failures, even with the right password', async () => {
		const org = await makeOrganisation();
		const user = await makeUser('caseworker', org.id);
		for (let i = 0; i < 5; i++) await signIn(user.username, `guess ${i}`, `10.1.0.${i}`);
		const locked = await signIn(user.username, TEST_PASSWORD, '10.1.1.1');
		expect(locked.outcome).toBe('throttled');
		if (locked.outcome === 'throttled') {
			expect(locked.retryAfterMs).toBeGreaterThan(14 * 60_000);
			expect(locked.retryAfterMs).toBeLessThanOrEqual(15 * 60_000);
		}
	});

	it('throttles one address that tries many accounts', async () => {
		for (let i = 0; i < 30; i++) await signIn(`someone${i}`, 'x', '10.2.0.1');
		const org = await makeOrganisation();
		const user = await makeUser('caseworker', org.id);
		expect((await signIn(user.username, TEST_PASSWORD, '10.2.0.1')).outcome).toBe('throttled');
		expect((await signIn(user.username, TEST_PASSWORD, '10.2.0.2')).outcome).toBe('signed_in');
	});
});

describe('failure throttle', () => {
	it('forgets failures once the window has passed', async () => {
		const throttle = new FailureThrottle('test:', { maxFailures: 2, windowMs: 1000, blockMs: 5000 });
		await throttle.recordFailure('k', 0);
		await throttle.recordFailure('k', 2000);
		expect(await throttle.retryAfter('k', 2000)).toBe(0);
		await throttle.recordFailure('k', 2500);
		expect(await throttle.retryAfter('k', 2500)).toBe(5000);
		expect(await throttle.retryAfter('k', 7500)).toBe(0);
		await throttle.reset('k');
		expect(await throttle.retryAfter('k', 2500)).toBe(0);
	});
});
