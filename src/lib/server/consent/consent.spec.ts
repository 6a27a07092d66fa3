import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { consentEvents, consents } from '../db/schema';
import { canReadContact, canReadParticipant, planAccess, relationTo, type Actor } from '../policy';
import { readPlan } from '../plans/read';
import { actorOf, makeUser, makeWorld, fixtureAccess } from '../testing/factories';
import {
	acceptGrant,
	activeGrantsHeldBy,
	consentsOf,
	endingSoon,
	grantConsent,
	renewConsent,
	revokeConsent,
	withdrawConsent,
	type GrantRequest
} from '.';
import { consentedScopes } from './state';

let world: Awaited<ReturnType<typeof makeWorld>>;
let volunteer: Actor;
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const pid = () => world.participant.id;
const request = (overrides: Partial<GrantRequest> = {}): GrantRequest => ({
	granteeKind: 'volunteer',
	granteeName: 'Ulrike',
	purpose: 'Hilfe bei Briefen',
	scopes: ['plan.read'],
	months: 3,
	givenVia: 'app',
	noticeLocale: 'ti',
	...overrides
});

beforeEach(async () => {
	world = await makeWorld();
	volunteer = actorOf(await makeUser('volunteer', null));
});

async function grantAndAccept(overrides: Partial<GrantRequest> = {}) {
	const { id, code } = await grantConsent(self(), pid(), request(overrides));
	expect(await acceptGrant(volunteer, code!)).toEqual({ ok: true, participantId: pid() });
	return id;
}

describe('consent lifecycle', () => {
	it('a grant waits for the volunteer’s code, then gives exactly its scopes until its end date', async () => {
		const { id, code } = await grantConsent(self(), pid(), request());
		expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
		expect((await consentsOf(fixtureAccess(pid())))[0].state).toBe('pending');
		expect(await relationTo(volunteer, pid())).toBeNull();
		await acceptGrant(volunteer, code!);
		expect(await acceptGrant(volunteer, code!)).toEqual({ ok: false });
		const [consent] = await consentsOf(fixtureAccess(pid()));
		expect([consent.id, consent.state, consent.noticeLocale, consent.noticeVersion]).toEqual([
			id,
			'given',
			'ti',
			'sharing-2026-11'
		]);
		expect(Math.round((consent.validUntil.getTime() - consent.validFrom.getTime()) / 86_400_000)).toBe(90);
		expect([...(await consentedScopes(volunteer.id, pid()))]).toEqual(['plan.read']);
		expect((await activeGrantsHeldBy(volunteer.id)).map((g) => g.participant.givenName)).toEqual([
			world.participant.givenName
		]);
	});

	it('withdrawal ends access on the next request and keeps the record', async () => {
		const id = await grantAndAccept();
		expect(await planAccess(volunteer, pid())).not.toBeNull();
		expect(await withdrawConsent(self(), pid(), id)).toEqual({ ok: true, id });
		expect(await planAccess(volunteer, pid())).toBeNull();
		await expect(readPlan(volunteer, pid())).rejects.toMatchObject({ status: 404 });
		const events = await db.select().from(consentEvents).where(eq(consentEvents.consentId, id));
		expect(events.map((e) => e.state)).toEqual(['pending', 'given', 'withdrawn']);
		expect(await withdrawConsent(self(), pid(), id)).toEqual({ ok: false, reason: 'consent.not_active' });
	});

	it('staff revoke with a reason; the participant cannot revoke and staff cannot withdraw for them', async () => {
		const id = await grantAndAccept();
		await expect(revokeConsent(self(), pid(), id, 'x')).rejects.toMatchObject({ status: 404 });
		await expect(withdrawConsent(actorOf(world.caseworker), pid(), id)).rejects.toMatchObject({ status: 404 });
		await expect(revokeConsent(actorOf(world.otherCaseworker), pid(), id, 'x')).rejects.toMatchObject({ status: 404 });
		expect(await revokeConsent(actorOf(world.caseworker), pid(), id, 'Missbrauch gemeldet')).toMatchObject({
			ok: true
		});
		const [consent] = await consentsOf(fixtureAccess(pid()));
		expect([consent.state, consent.stateReason]).toEqual(['revoked', 'Missbrauch gemeldet']);
		expect(await relationTo(volunteer, pid())).toBeNull();
	});

	it('expires by itself, is announced a week before, and renews with one tap as a new record', async () => {
		const id = await grantAndAccept({ months: 1 });
		const [consent] = await consentsOf(fixtureAccess(pid()));
		expect(endingSoon([consent], new Date(consent.validUntil.getTime() - 8 * 86_400_000))).toHaveLength(0);
		expect(endingSoon([consent], new Date(consent.validUntil.getTime() - 6 * 86_400_000))).toHaveLength(1);
		expect((await consentedScopes(volunteer.id, pid(), new Date(consent.validUntil.getTime() + 1))).size).toBe(0);
		const renewed = await renewConsent(self(), pid(), id);
		if (!renewed.ok) expect.fail(renewed.reason);
		const all = await consentsOf(fixtureAccess(pid()));
		expect(all.find((c) => c.id === renewed.id)).toMatchObject({
			state: 'given',
			renews: id,
			granteeUserId: volunteer.id
		});
		expect(all.find((c) => c.id === id)?.state).toBe('renewed');
		expect((await consentedScopes(volunteer.id, pid(), new Date(consent.validUntil.getTime() + 1))).size).toBe(1);
	});

	it('records are append-only: what was consented to cannot be edited or deleted', async () => {
		const id = await grantAndAccept();
		expect(() =>
			db
				.update(consents)
				.set({ scopes: ['plan.read', 'contact.read'] })
				.where(eq(consents.id, id))
				.run()
		).toThrow(/append-only/);
		expect(() => db.delete(consents).where(eq(consents.id, id)).run()).toThrow(/append-only/);
		expect(() => db.delete(consentEvents).run()).toThrow(/append-only/);
	});

	it('at most two years; only the participant grants in the app, only their staff on paper', async () => {
		await grantConsent(self(), pid(), request({ months: 60 }));
		const [consent] = await consentsOf(fixtureAccess(pid()));
		expect(Math.round((consent.validUntil.getTime() - consent.validFrom.getTime()) / 86_400_000)).toBe(720);
		await expect(grantConsent(actorOf(world.caseworker), pid(), request())).rejects.toMatchObject({ status: 404 });
		await expect(grantConsent(self(), pid(), request({ givenVia: 'paper' }))).rejects.toMatchObject({ status: 404 });
		await expect(
			grantConsent(actorOf(world.otherCaseworker), pid(), request({ givenVia: 'paper', granteeKind: 'service' }))
		).rejects.toMatchObject({ status: 404 });
		const { code } = await grantConsent(
			actorOf(world.caseworker),
			pid(),
			request({ givenVia: 'paper', granteeKind: 'service', granteeName: 'Jobcenter' })
		);
		expect(code).toBeNull();
	});
});

describe('paper consent recorded by staff', () => {
	it('a caseworker records a volunteer grant the participant signed; the volunteer still accepts with a code', async () => {
		const { id, code } = await grantConsent(
			actorOf(world.caseworker),
			pid(),
			request({ givenVia: 'paper', paperNote: 'Formular vom 3.11.', noticeLocale: 'de' })
		);
		expect(code).not.toBeNull();
		await acceptGrant(volunteer, code!);
		const consent = (await consentsOf(fixtureAccess(pid()))).find((c) => c.id === id)!;
		expect([consent.state, consent.givenVia, consent.recordedBy, consent.paperNote]).toEqual([
			'given',
			'paper',
			world.caseworker.id,
			'Formular vom 3.11.'
		]);
	});
});

describe('policy matrix for volunteers', () => {
	it('no consent, plan scope, contact scope, out of scope, other participant', async () => {
		expect(await planAccess(volunteer, pid())).toBeNull();
		expect(await canReadContact(volunteer, pid())).toBe(false);

		await grantAndAccept({ scopes: ['plan.read'] });
		const access = await planAccess(volunteer, pid());
		expect(access).toMatchObject({
			relation: 'consented_volunteer',
			editPlan: false,
			tickable: [],
			comment: false,
			confirmAsParticipant: false
		});
		expect(await canReadContact(volunteer, pid())).toBe(false);
		// Consent never opens the staff case record, and never another participant's data.
		expect(await canReadParticipant(volunteer, pid())).toBe(false);
		expect(await planAccess(volunteer, world.neighbour.id)).toBeNull();

		await grantAndAccept({ scopes: ['contact.read', 'plan.edit'] });
		expect(await canReadContact(volunteer, pid())).toBe(true);
		expect((await planAccess(volunteer, pid()))?.tickable).toEqual(['volunteer', 'participant']);

		const documentsOnly = actorOf(await makeUser('volunteer', null));
		const { code } = await grantConsent(self(), pid(), request({ scopes: ['documents.read.health'] }));
		await acceptGrant(documentsOnly, code!);
		expect(await relationTo(documentsOnly, pid())).toBe('consented_volunteer');
		expect(await planAccess(documentsOnly, pid())).toBeNull();
	});
});
