import { describe, expect, it } from 'vitest';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { ne } from 'drizzle-orm';
import { db } from '../db';
import { organisations, users } from '../db/schema';
import { organisationsPage } from '../organisations';
import { actorOf, makeOrganisation, makeParticipant, makeUser, makeWorld, TEST_PASSWORD } from '../testing/factories';
import { changePassword, managedAccountsPage, participantAccountsPerOrganisation, setUserActive } from '.';

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
		const listed: { id: string; role: string; displayName: string }[] = [];
		let cursor: string | null = null;
		do {
			const page: Awaited<ReturnType<typeof managedAccountsPage>> = await managedAccountsPage(cursor);
			listed.push(...page.rows);
			cursor = page.next;
		} while (cursor !== null);
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

describe('the admin pages through accounts and organisations, 50 at a time', () => {
	it('walks 120+ accounts forward and back without duplicates or gaps, participants never listed', async () => {
		const org = await makeOrganisation('town');
		for (let i = 0; i < 125; i++) await makeUser(i % 3 === 0 ? 'volunteer' : 'caseworker', org.id);
		await makeParticipant({ organisationId: org.id, townId: org.id, withAccount: true });
		const staff = await db.select({ id: users.id }).from(users).where(ne(users.role, 'participant'));
		const pages = [await managedAccountsPage(null)];
		while (pages.at(-1)!.next !== null) pages.push(await managedAccountsPage(pages.at(-1)!.next));
		const ids = pages.flatMap((p) => p.rows.map((u) => u.id));
		expect(ids).toHaveLength(staff.length);
		expect(new Set(ids)).toEqual(new Set(staff.map((u) => u.id)));
		expect(pages.every((p) => p.rows.length <= 50 && p.total === staff.length)).toBe(true);
		expect(pages.flatMap((p) => p.rows).some((u) => u.role === 'participant')).toBe(false);
		const back = [pages.at(-1)!];
		while (back[0].previous !== null) back.unshift(await managedAccountsPage(back[0].previous));
		expect(back.map((p) => p.rows.map((u) => u.id))).toEqual(pages.map((p) => p.rows.map((u) => u.id)));
	});

	it('walks 120+ organisations in kind and name order', async () => {
		for (let i = 0; i < 121; i++) await makeOrganisation(i % 2 === 0 ? 'town' : 'welfare', `Same name ${i % 4}`);
		const all = await db.select({ id: organisations.id }).from(organisations);
		const pages = [await organisationsPage(null)];
		while (pages.at(-1)!.next !== null) pages.push(await organisationsPage(pages.at(-1)!.next));
		const rows = pages.flatMap((p) => p.rows);
		expect(new Set(rows.map((o) => o.id))).toEqual(new Set(all.map((o) => o.id)));
		expect(rows).toHaveLength(all.length);
		const order = rows.map((o) => [o.kind, o.name, o.id].join('\u0000'));
		expect(order).toEqual([...order].sort());
		expect(pages.at(-1)!.to).toBe(all.length);
	});
});
