import { error } from '@sveltejs/kit';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { recordAuditIn } from '../audit';
import { hashPassword } from '../auth/password';
import { db, type Tx } from '../db';
import { invitations, participants, sessions, users } from '../db/schema';
import { canIssueInvitation, type AccessTo, type Actor } from '../policy';
import { generateInvitationCode, hashCode, looksLikeCode, normaliseCode } from './code';

const VALIDITY_MS = 7 * 24 * 60 * 60 * 1000;

/** Issues a fresh code and cancels any earlier unused one; also how a forgotten password is recovered. */
export async function issueInvitation(actor: Actor, participantId: string, now = new Date()) {
	if (!(await canIssueInvitation(actor, participantId))) error(404, 'error.not_found');
	return db.transaction((tx) => issueInvitationIn(tx, actor, participantId, now));
}

/** issueInvitation in the caller's transaction, for one the caller has authorised (many letters at once). */
export function issueInvitationIn(tx: Tx, actor: Actor, participantId: string, now: Date) {
	const code = generateInvitationCode();
	const expiresAt = new Date(now.getTime() + VALIDITY_MS);
	tx.update(invitations)
		.set({ cancelledAt: now })
		.where(
			and(eq(invitations.participantId, participantId), isNull(invitations.usedAt), isNull(invitations.cancelledAt))
		)
		.run();
	tx.insert(invitations)
		.values({
			id: crypto.randomUUID(),
			participantId,
			codeHash: hashCode(normaliseCode(code)),
			createdBy: actor.id,
			createdAt: now,
			expiresAt
		})
		.run();
	recordAuditIn(tx, {
		actor,
		action: 'invitation.issued',
		participantId,
		detail: { expiresAt: expiresAt.toISOString() }
	});
	return { code, expiresAt };
}

/** The newest invitation's state, for the staff page (never the code itself: only its hash is stored). */
export async function latestInvitation(access: AccessTo<'participant'>) {
	const [row] = await db
		.select({
			createdAt: invitations.createdAt,
			expiresAt: invitations.expiresAt,
			usedAt: invitations.usedAt,
			cancelledAt: invitations.cancelledAt
		})
		.from(invitations)
		.where(eq(invitations.participantId, access.participantId))
		.orderBy(desc(invitations.createdAt))
		.limit(1);
	return row ?? null;
}

export type OpenInvitation = {
	invitationId: string;
	participantId: string;
	givenName: string;
	language: Locale;
	existingUsername: string | null;
};

export async function findOpenInvitation(codeInput: string, now = new Date()): Promise<OpenInvitation | null> {
	const code = normaliseCode(codeInput);
	if (!looksLikeCode(code)) return null;
	const [row] = await db
		.select({ invitation: invitations, participant: participants, username: users.username })
		.from(invitations)
		.innerJoin(participants, eq(invitations.participantId, participants.id))
		.leftJoin(users, eq(participants.userId, users.id))
		.where(eq(invitations.codeHash, hashCode(code)));
	if (row === undefined) return null;
	const { invitation, participant } = row;
	if (invitation.usedAt !== null || invitation.cancelledAt !== null || invitation.expiresAt <= now) return null;
	return {
		invitationId: invitation.id,
		participantId: participant.id,
		givenName: participant.givenName,
		language: participant.language,
		existingUsername: row.username
	};
}

export type RedeemResult =
	{ redeemed: true; userId: string } | { redeemed: false; reason: 'invalid_code' | 'username_taken' };

/**
 * Creates the participant's account (or, on a second code, sets a new password and ends every old
 * session). The code is spent in the same transaction, so it works exactly once.
 */
export async function redeemInvitation(
	codeInput: string,
	input: { username: string; password: string; locale: Locale }
): Promise<RedeemResult> {
	const open = await findOpenInvitation(codeInput);
	if (open === null) return { redeemed: false, reason: 'invalid_code' };
	const passwordHash = await hashPassword(input.password);
	try {
		return spendAndCreateAccount(open, input, passwordHash);
	} catch (e) {
		if (e instanceof UsernameTaken) return { redeemed: false, reason: 'username_taken' };
		throw e;
	}
}

class UsernameTaken extends Error {}

function spendAndCreateAccount(
	open: OpenInvitation,
	input: { username: string; locale: Locale },
	passwordHash: string
): RedeemResult {
	// Throwing inside the transaction rolls back the spent code too, so the person can pick another name.
	return db.transaction((tx): RedeemResult => {
		const spent = tx
			.update(invitations)
			.set({ usedAt: new Date() })
			.where(and(eq(invitations.id, open.invitationId), isNull(invitations.usedAt), isNull(invitations.cancelledAt)))
			.run();
		if (spent.changes === 0) return { redeemed: false, reason: 'invalid_code' };
		const participant = tx.select().from(participants).where(eq(participants.id, open.participantId)).get();
		if (participant === undefined) return { redeemed: false, reason: 'invalid_code' };
		const holder = tx.select({ id: users.id }).from(users).where(eq(users.username, input.username)).get();
		if (holder !== undefined && holder.id !== participant.userId) throw new UsernameTaken();
		let userId = participant.userId;
		if (userId === null) {
			userId = crypto.randomUUID();
			tx.insert(users)
				.values({
					id: userId,
					username: input.username,
					passwordHash,
					displayName: `${participant.givenName} ${participant.familyName}`,
					role: 'participant',
					locale: input.locale
				})
				.run();
			tx.update(participants).set({ userId, language: input.locale }).where(eq(participants.id, participant.id)).run();
		} else {
			tx.update(users)
				.set({ username: input.username, passwordHash, locale: input.locale, active: true })
				.where(eq(users.id, userId))
				.run();
			tx.delete(sessions).where(eq(sessions.userId, userId)).run();
		}
		recordAuditIn(tx, {
			actor: { id: userId, role: 'participant' },
			action: 'invitation.redeemed',
			participantId: participant.id
		});
		return { redeemed: true, userId };
	});
}
