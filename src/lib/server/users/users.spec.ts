import { describe, expect, it } from 'vitest';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { makeUser, TEST_PASSWORD } from '../testing/factories';
import { changePassword } from '.';

describe('changing the password', () => {
	it('ends the account’s other sessions and keeps the one that changed it', async () => {
		const user = await makeUser('volunteer', null);
		const [here, stolen] = [generateSessionToken(), generateSessionToken()];
		const current = await createSession(here, user.id, 'volunteer');
		await createSession(stolen, user.id, 'volunteer');
		expect(await changePassword(user.id, TEST_PASSWORD, 'a new long secret', current.id)).toBe(true);
		expect((await validateSessionToken(here)).session?.id).toBe(current.id);
		expect((await validateSessionToken(stolen)).session).toBeNull();
	});

	it('ends nothing when the current password is wrong', async () => {
		const user = await makeUser('volunteer', null);
		const [here, other] = [generateSessionToken(), generateSessionToken()];
		const current = await createSession(here, user.id, 'volunteer');
		await createSession(other, user.id, 'volunteer');
		expect(await changePassword(user.id, 'not the password', 'a new long secret', current.id)).toBe(false);
		expect((await validateSessionToken(other)).session).not.toBeNull();
	});
});
