import { describe, expect, it } from 'vitest';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { actorOf, makeParticipant, makeUser, makeWorld, TEST_PASSWORD } from '../testing/factories';
import { changePassword, listManagedAccounts, participantAccountsPerOrganisation, setUserActive } from '.';

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

describe('what the admin sees of accounts', () => {
	it('lists staff and volunteers, never participants by name, and counts participants per organisation', async () => {
		const world = await makeWorld();
		const listed = await listManagedAccounts();
		expect(listed.some((u) => u.role === 'participant')).toBe(false);
		expect(listed.map((u) => u.id)).toContain(world.caseworker.id);
		const withAccount = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			withAccount: true
		});
		expect(listed.map((u) => u.displayName)).not.toContain(withAccount.givenName);
		const counts = await participantAccountsPerOrganisation();
		const county = counts.find((row) => row.organisationName === world.county.name);
		expect(county?.accounts).toBeGreaterThanOrEqual(1);
	});

	it('does not let the admin deactivate a participant’s account', async () => {
		const world = await makeWorld();
		const person = await makeParticipant({ organisationId: world.county.id, townId: world.town.id, withAccount: true });
		expect(await setUserActive(actorOf(world.admin), person.userId ?? '', false)).toBe(false);
	});
});
