import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '../db';
import { sessions, users } from '../db/schema';
import { makeOrganisation, makeUser } from '../testing/factories';
import {
	createSession,
	generateSessionToken,
	invalidateUserSessions,
	sessionLifetime,
	validateSessionToken
} from './session';

afterEach(() => vi.useRealTimers());

describe('sessions', () => {
	it('stores only the hash of the token, and the token validates to its user', async () => {
		const org = await makeOrganisation();
		const user = await makeUser('caseworker', org.id);
		const token = generateSessionToken();
		await createSession(token, user.id, 'caseworker');
		const [stored] = await db.select().from(sessions).where(eq(sessions.userId, user.id));
		expect(stored.id).not.toContain(token);
		expect(stored.id).toMatch(/^[0-9a-f]{64}$/);
		const { user: validated } = await validateSessionToken(token);
		expect(validated?.id).toBe(user.id);
		expect(validated?.participantId).toBeNull();
		expect((await validateSessionToken(generateSessionToken())).session).toBeNull();
	});

	it('staff sessions are short and participants stay signed in', () => {
		expect(sessionLifetime('caseworker')).toBe(60 * 60 * 1000);
		expect(sessionLifetime('participant')).toBeGreaterThanOrEqual(30 * 24 * 60 * 60 * 1000);
	});

	it('slides forward when used after half its lifetime, and ends when idle too long', async () => {
		const org = await makeOrganisation();
		const user = await makeUser('lead', org.id);
		const token = generateSessionToken();
		vi.useFakeTimers({ now: new Date('2026-03-01T10:00:00Z'), toFake: ['Date'] });
		const created = await createSession(token, user.id, 'lead');
		vi.setSystemTime(new Date('2026-03-01T10:40:00Z'));
		const { session } = await validateSessionToken(token);
		expect(session!.expiresAt.getTime()).toBeGreaterThan(created.expiresAt.getTime());
		vi.setSystemTime(new Date('2026-03-01T12:00:00Z'));
		expect((await validateSessionToken(token)).session).toBeNull();
		expect(await db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
	});

	it('a deactivated user is signed out on the next request', async () => {
		const org = await makeOrganisation();
		const user = await makeUser('caseworker', org.id);
		const token = generateSessionToken();
		await createSession(token, user.id, 'caseworker');
		await db.update(users).set({ active: false }).where(eq(users.id, user.id));
		expect((await validateSessionToken(token)).user).toBeNull();
	});

	it('sign out everywhere ends every session of that user only', async () => {
		const org = await makeOrganisation();
		const user = await makeUser('caseworker', org.id);
		const other = await makeUser('caseworker', org.id);
		const [a, b, c] = [generateSessionToken(), generateSessionToken(), generateSessionToken()];
		await createSession(a, user.id, 'caseworker');
		await createSession(b, user.id, 'caseworker');
		await createSession(c, other.id, 'caseworker');
		await invalidateUserSessions(user.id);
		expect((await validateSessionToken(a)).session).toBeNull();
		expect((await validateSessionToken(b)).session).toBeNull();
		expect((await validateSessionToken(c)).session).not.toBeNull();
	});
});
