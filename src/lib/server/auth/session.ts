import { sha256 } from '@oslojs/crypto/sha2';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { Cookies } from '@sveltejs/kit';
import { eq, sql } from 'drizzle-orm';
import type { Role } from '$lib/domain';
import { db } from '../db';
import { preparedOnce } from '../db/prepared';
import { publish, userChannel } from '../live/bus';
import { participants, sessions, users, type User } from '../db/schema';

export const SESSION_COOKIE = 'tandem_session';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

// A participant's own phone stays signed in (they sign in rarely and a lost password costs a visit);
// volunteers see other people's data, so a month; staff devices hold many cases, so an idle hour.
export function sessionLifetime(role: Role): number {
	if (role === 'participant') return 90 * DAY;
	if (role === 'volunteer') return 30 * DAY;
	return 60 * MINUTE;
}

export type SessionUser = Pick<User, 'id' | 'username' | 'displayName' | 'role' | 'organisationId' | 'locale'> & {
	/** The participant record a participant account belongs to; null for everyone else. */
	participantId: string | null;
};
export type SessionValidation =
	{ session: { id: string; userId: string; expiresAt: Date }; user: SessionUser } | { session: null; user: null };

export function generateSessionToken(): string {
	const bytes = new Uint8Array(20);
	crypto.getRandomValues(bytes);
	return encodeBase32LowerCaseNoPadding(bytes);
}

function sessionIdOf(token: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(token)));
}

export async function createSession(token: string, userId: string, role: Role) {
	const session = { id: sessionIdOf(token), userId, expiresAt: new Date(Date.now() + sessionLifetime(role)) };
	await db.insert(sessions).values(session);
	return session;
}

// Every request with a cookie asks these two questions, each by primary key. Not one join: with statistics
// taken while the sessions table was nearly empty, SQLite planned the join as a scan of every session, and a
// kept statement keeps its plan while the table grows (it made each request of a load test scan thousands).
const sessionById = preparedOnce(() =>
	db
		.select()
		.from(sessions)
		.where(eq(sessions.id, sql.placeholder('sessionId')))
		.prepare()
);
const userById = preparedOnce(() =>
	db
		.select({
			user: {
				id: users.id,
				username: users.username,
				displayName: users.displayName,
				role: users.role,
				organisationId: users.organisationId,
				locale: users.locale,
				active: users.active
			},
			participantId: participants.id
		})
		.from(users)
		.leftJoin(participants, eq(participants.userId, users.id))
		.where(eq(users.id, sql.placeholder('userId')))
		.prepare()
);

function sessionWithUser(sessionId: string) {
	const session = sessionById().get({ sessionId });
	if (session === undefined) return undefined;
	const row = userById().get({ userId: session.userId });
	return row === undefined ? undefined : { session, ...row };
}

export async function validateSessionToken(token: string): Promise<SessionValidation> {
	const sessionId = sessionIdOf(token);
	const row = sessionWithUser(sessionId);
	if (row === undefined) return { session: null, user: null };
	const { session, user, participantId } = row;
	if (!user.active || Date.now() >= session.expiresAt.getTime()) {
		await db.delete(sessions).where(eq(sessions.id, sessionId));
		return { session: null, user: null };
	}
	// Sliding expiry: extend once half the lifetime is used, so active users are not written to on every request.
	const lifetime = sessionLifetime(user.role);
	if (session.expiresAt.getTime() - Date.now() < lifetime / 2) {
		session.expiresAt = new Date(Date.now() + lifetime);
		await db.update(sessions).set({ expiresAt: session.expiresAt }).where(eq(sessions.id, sessionId));
	}
	const { active: _active, ...rest } = user;
	return {
		session: { id: session.id, userId: session.userId, expiresAt: session.expiresAt },
		user: { ...rest, participantId }
	};
}

/** Ends one session; the user's open live streams re-check and close. */
export async function invalidateSession(sessionId: string, userId: string) {
	await db.delete(sessions).where(eq(sessions.id, sessionId));
	publish(userChannel(userId), { type: 'access' });
}

export async function invalidateUserSessions(userId: string) {
	await db.delete(sessions).where(eq(sessions.userId, userId));
	publish(userChannel(userId), { type: 'access' });
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean) {
	cookies.set(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean) {
	cookies.set(SESSION_COOKIE, '', { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: 0 });
}
