import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { auditLog, consentEvents, consents } from '../db/schema';
import { actorOf, makeUser, makeWorld } from '../testing/factories';
import type { Actor } from '../policy';
import { acceptGrant, grantConsent, renewConsent, revokeConsent, withdrawConsent, type GrantRequest } from '.';

const CHANGED = { ok: false, reason: 'form.changed_meanwhile' };

let world: Awaited<ReturnType<typeof makeWorld>>;
let volunteer: Actor;
const pid = () => world.participant.id;
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const caseworker = () => actorOf(world.caseworker);
const request: GrantRequest = {
	granteeKind: 'volunteer',
	granteeName: 'Ulrike',
	purpose: 'Hilfe bei Briefen',
	scopes: ['plan.read'],
	months: 3,
	givenVia: 'app',
	noticeLocale: 'fa'
};

beforeEach(async () => {
	world = await makeWorld();
	volunteer = actorOf(await makeUser('volunteer', null));
});

async function given(): Promise<string> {
	const { id, code } = await grantConsent(self(), pid(), request);
	expect(await acceptGrant(volunteer, code!)).toMatchObject({ ok: true });
	return id;
}

async function states(consentId: string) {
	const rows = await db
		.select({ state: consentEvents.state })
		.from(consentEvents)
		.where(eq(consentEvents.consentId, consentId))
		.orderBy(asc(consentEvents.id));
	return rows.map((r) => r.state);
}

const audits = async (action: string) =>
	(
		await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, action), eq(auditLog.participantId, pid())))
	).length;

describe('consent changes sent at the same moment: exactly one wins', () => {
	it('a withdrawal sent twice (a double tap on a slow network) is written once', async () => {
		const id = await given();
		const results = await Promise.all([withdrawConsent(self(), pid(), id), withdrawConsent(self(), pid(), id)]);
		expect(results).toContainEqual({ ok: true, id });
		expect(results).toContainEqual(CHANGED);
		expect(await states(id)).toEqual(['pending', 'given', 'withdrawn']);
		expect(await audits('consent.withdrawn')).toBe(1);
	});

	it('withdrawal by the participant and revocation by staff at once: one ends the grant', async () => {
		const id = await given();
		const results = await Promise.all([
			withdrawConsent(self(), pid(), id),
			revokeConsent(caseworker(), pid(), id, 'Auf Wunsch')
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([CHANGED]);
		expect((await states(id)).slice(0, 2)).toEqual(['pending', 'given']);
		expect(await states(id)).toHaveLength(3);
	});

	it('two renewals at once make one new record', async () => {
		const id = await given();
		const results = await Promise.all([renewConsent(self(), pid(), id), renewConsent(self(), pid(), id)]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([CHANGED]);
		expect(await db.select().from(consents).where(eq(consents.renews, id))).toHaveLength(1);
		expect(await states(id)).toEqual(['pending', 'given', 'renewed']);
		expect(await audits('consent.renewed')).toBe(1);
	});

	it('accepting and withdrawing a pending invitation at once: never both', async () => {
		const { id, code } = await grantConsent(self(), pid(), request);
		const [accepted, withdrawn] = await Promise.all([
			acceptGrant(volunteer, code!),
			withdrawConsent(self(), pid(), id)
		]);
		expect([accepted.ok, withdrawn.ok].filter(Boolean)).toHaveLength(1);
		expect(await states(id)).toHaveLength(2);
	});

	it('a form shown before a change is refused and writes nothing', async () => {
		const id = await given();
		// The card was loaded while the invitation was still pending.
		const shown = { status: 'pending', version: 1 };
		expect(await revokeConsent(caseworker(), pid(), id, 'Auf Wunsch', shown)).toEqual(CHANGED);
		expect(await withdrawConsent(self(), pid(), id, shown)).toEqual(CHANGED);
		expect(await states(id)).toEqual(['pending', 'given']);
		expect(await withdrawConsent(self(), pid(), id, { status: 'given', version: 2 })).toEqual({ ok: true, id });
	});
});
