import { and, asc, count, eq, isNotNull, ne } from 'drizzle-orm';
import type { Role } from '$lib/domain';
import type { Locale } from '$lib/i18n/locales';
import { recordAudit, recordAuditIn } from '../audit';
import { invalidateUserSessions } from '../auth/session';
import { hashPassword, verifyPasswordHash } from '../auth/password';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { publish, userChannel } from '../live/bus';
import { organisations, participants, sessions, users } from '../db/schema';
import type { Actor } from '../policy';

export type NewStaffUser = {
	username: string;
	displayName: string;
	role: Exclude<Role, 'participant'>;
	organisationId: string | null;
	password: string;
	phone: string;
	email: string;
};

export type CreateUserResult =
	| { created: true; id: string }
	| { created: false; reason: 'username_taken' | 'organisation_missing' | 'county_required' };

export async function usernameTaken(username: string): Promise<boolean> {
	const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
	return row !== undefined;
}

export async function createStaffUser(actor: Actor | null, input: NewStaffUser): Promise<CreateUserResult> {
	if (await usernameTaken(input.username)) return { created: false, reason: 'username_taken' };
	if (input.organisationId !== null) {
		const [org] = await db
			.select({ id: organisations.id, kind: organisations.kind })
			.from(organisations)
			.where(eq(organisations.id, input.organisationId));
		if (org === undefined) return { created: false, reason: 'organisation_missing' };
		// A coordinator sees one county's figures: the account belongs to the county itself.
		if (input.role === 'coordinator' && org.kind !== 'county') return { created: false, reason: 'county_required' };
	} else if (input.role !== 'admin' && input.role !== 'volunteer') {
		return { created: false, reason: 'organisation_missing' };
	}
	const id = crypto.randomUUID();
	const passwordHash = await hashPassword(input.password);
	db.transaction((tx) => {
		tx.insert(users)
			.values({
				id,
				username: input.username,
				displayName: input.displayName,
				role: input.role,
				organisationId: input.organisationId,
				passwordHash,
				phone: input.phone || null,
				email: input.email || null
			})
			.run();
		recordAuditIn(tx, { actor, action: 'user.created', detail: { userId: id, role: input.role } });
	});
	return { created: true, id };
}

/**
 * The accounts an admin manages: staff and volunteers. Admins hold no case data, so participants' accounts
 * are never listed by name; they appear only as a count per organisation.
 */
/** Staff and volunteer accounts for the admin, 50 at a time by role and name (participants are not theirs). */
export async function managedAccountsPage(cursor: string | null) {
	const managed = ne(users.role, 'participant');
	return keysetPage({
		list: 'admin-users',
		cursor,
		columns: [users.role, users.displayName, users.id],
		keyOf: (u: { role: string; displayName: string; id: string }) => [u.role, u.displayName, u.id],
		rows: (key, orderBy, limit) =>
			db
				.select({
					id: users.id,
					username: users.username,
					displayName: users.displayName,
					role: users.role,
					active: users.active,
					organisationName: organisations.name
				})
				.from(users)
				.leftJoin(organisations, eq(users.organisationId, organisations.id))
				.where(and(managed, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(users).where(managed))[0].n
	});
}

/** How many participants use the app, per organisation: a number, no names. */
export async function participantAccountsPerOrganisation() {
	return db
		.select({ organisationName: organisations.name, accounts: count(participants.userId) })
		.from(participants)
		.innerJoin(organisations, eq(participants.organisationId, organisations.id))
		.where(isNotNull(participants.userId))
		.groupBy(organisations.id)
		.orderBy(asc(organisations.name));
}

export async function findUser(id: string) {
	const [user] = await db.select().from(users).where(eq(users.id, id));
	return user ?? null;
}

/**
 * Deactivating ends every session of that user at once: the next request of any device is signed out.
 * Participants' accounts are not the admin's to change (their caseworker issues a new code instead).
 */
export async function setUserActive(actor: Actor, userId: string, active: boolean): Promise<boolean> {
	if (actor.id === userId) return false;
	const changed = db.transaction((tx) => {
		const result = tx
			.update(users)
			.set({ active })
			.where(and(eq(users.id, userId), ne(users.role, 'participant')))
			.run();
		if (result.changes === 0) return false;
		if (!active) tx.delete(sessions).where(eq(sessions.userId, userId)).run();
		recordAuditIn(tx, { actor, action: active ? 'user.reactivated' : 'user.deactivated', detail: { userId } });
		return true;
	});
	if (changed && !active) publish(userChannel(userId), { type: 'access' });
	return changed;
}

export async function saveLocale(userId: string, locale: Locale) {
	await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * Sets a new password and ends every other session of the account: whoever learnt the old password is
 * signed out, the device that changed it stays signed in.
 */
export async function changePassword(
	userId: string,
	current: string,
	next: string,
	keepSessionId: string
): Promise<boolean> {
	const user = await findUser(userId);
	if (user === null || !(await verifyPasswordHash(user.passwordHash, current))) return false;
	const passwordHash = await hashPassword(next);
	db.transaction((tx) => {
		tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run();
		tx.delete(sessions)
			.where(and(eq(sessions.userId, userId), ne(sessions.id, keepSessionId)))
			.run();
	});
	publish(userChannel(userId), { type: 'access' });
	return true;
}

export async function signOutEverywhere(actor: Actor) {
	await invalidateUserSessions(actor.id);
	await recordAudit({ actor, action: 'auth.signed_out_everywhere' });
}

/** A volunteer sets up their own account with the code a participant gave them; no organisation needed. */
export async function createVolunteerAccount(input: {
	username: string;
	displayName: string;
	password: string;
}): Promise<CreateUserResult> {
	if (await usernameTaken(input.username)) return { created: false, reason: 'username_taken' };
	const id = crypto.randomUUID();
	const passwordHash = await hashPassword(input.password);
	db.transaction((tx) => {
		tx.insert(users)
			.values({ id, username: input.username, displayName: input.displayName, role: 'volunteer', passwordHash })
			.run();
		recordAuditIn(tx, {
			actor: { id, role: 'volunteer' },
			action: 'user.created',
			detail: { userId: id, role: 'volunteer', via: 'consent_code' }
		});
	});
	return { created: true, id };
}
