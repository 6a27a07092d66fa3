import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/sign-in';
import { createSession, generateSessionToken, validateSessionToken } from '../auth/session';
import { db } from '../db';
import { auditLog, participants, users } from '../db/schema';
import { actorOf, makeWorld } from '../testing/factories';
import { CODE_ALPHABET, generateInvitationCode, normaliseCode } from './code';
import { findOpenInvitation, issueInvitation, redeemInvitation } from '.';

describe('invitation codes', () => {
	it('are short, grouped and free of look-alike characters', () => {
		for (let i = 0; i < 200; i++) {
			const code = generateInvitationCode();
			expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
			expect(code).not.toMatch(/[01OIL]/);
		}
		expect(CODE_ALPHABET).toHaveLength(31);
		expect(normaliseCode(' k7qm 3xrt ')).toBe('K7QM3XRT');
	});
});

describe('invitation flow', () => {
	it('creates the account once, in the chosen language, and the code is spent', async () => {
		const world = await makeWorld();
		const person = world.welfareCase;
		const { code } = await issueInvitation(actorOf(world.welfareCaseworker), person.id);
		expect(await findOpenInvitation(code.toLowerCase().replace('-', ' '))).not.toBeNull();
		const result = await redeemInvitation(code, { username: 'amina.h', password: 'a long passphrase', locale: 'ti' });
		expect(result.redeemed).toBe(true);
		const [row] = await db.select().from(participants).where(eq(participants.id, person.id));
		expect(row.userId).not.toBeNull();
		expect(row.language).toBe('ti');
		expect((await signIn('amina.h', 'a long passphrase', '10.9.0.1')).outcome).toBe('signed_in');
		expect(
			await redeemInvitation(code, { username: 'amina.h2', password: 'another passphrase', locale: 'ti' })
		).toEqual({ redeemed: false, reason: 'invalid_code' });
	});

	it('a new code cancels the old one', async () => {
		const world = await makeWorld();
		const actor = actorOf(world.welfareCaseworker);
		const first = await issueInvitation(actor, world.welfareCase.id);
		const second = await issueInvitation(actor, world.welfareCase.id);
		expect(await findOpenInvitation(first.code)).toBeNull();
		expect(await findOpenInvitation(second.code)).not.toBeNull();
	});

	it('expires after 7 days', async () => {
		const world = await makeWorld();
		const issuedAt = new Date('2026-01-01T09:00:00Z');
		const { code } = await issueInvitation(actorOf(world.welfareCaseworker), world.welfareCase.id, issuedAt);
		expect(await findOpenInvitation(code, new Date('2026-01-07T23:00:00Z'))).not.toBeNull();
		expect(await findOpenInvitation(code, new Date('2026-01-08T09:00:01Z'))).toBeNull();
	});

	it('recovers a forgotten password: new password, old sessions ended', async () => {
		const world = await makeWorld();
		const person = world.participant;
		const token = generateSessionToken();
		await createSession(token, person.userId!, 'participant');
		const [account] = await db.select().from(users).where(eq(users.id, person.userId!));
		const { code } = await issueInvitation(actorOf(world.caseworker), person.id);
		const open = await findOpenInvitation(code);
		expect(open?.existingUsername).toBe(account.username);
		expect(
			(await redeemInvitation(code, { username: account.username, password: 'brand new secret', locale: 'ar' }))
				.redeemed
		).toBe(true);
		expect((await validateSessionToken(token)).session).toBeNull();
		expect((await signIn(account.username, 'brand new secret', '10.9.0.2')).outcome).toBe('signed_in');
	});

	it('a taken username rolls everything back and leaves the code usable', async () => {
		const world = await makeWorld();
		const [taken] = await db.select().from(users).where(eq(users.id, world.neighbour.userId!));
		const { code } = await issueInvitation(actorOf(world.welfareCaseworker), world.welfareCase.id);
		expect(await redeemInvitation(code, { username: taken.username, password: 'whatever123', locale: 'fa' })).toEqual({
			redeemed: false,
			reason: 'username_taken'
		});
		expect(await findOpenInvitation(code)).not.toBeNull();
		const [row] = await db.select().from(participants).where(eq(participants.id, world.welfareCase.id));
		expect(row.userId).toBeNull();
	});

	it('staff without a relation cannot issue codes, and issuing is audited', async () => {
		const world = await makeWorld();
		await expect(issueInvitation(actorOf(world.otherCaseworker), world.participant.id)).rejects.toMatchObject({
			status: 404
		});
		await issueInvitation(actorOf(world.caseworker), world.participant.id);
		const entries = await db.select().from(auditLog).where(eq(auditLog.participantId, world.participant.id));
		expect(entries.map((e) => e.action)).toContain('invitation.issued');
	});
});
