import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { auditLog } from '../db/schema';
import { actorOf, fixtureAccess, makeWorld } from '../testing/factories';
import { correctionsOf, decideCorrection, recordCorrectionRequest } from './corrections';

const CHANGED = { ok: false, reason: 'form.changed_meanwhile' };

let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const caseworker = () => actorOf(world.caseworker);
const lead = () => actorOf(world.lead);

beforeEach(async () => {
	world = await makeWorld();
});

const decisions = async () =>
	(
		await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'correction.decided'), eq(auditLog.participantId, pid())))
	).length;

describe('a correction request is decided once', () => {
	it('two decisions at once: the first stands, the second is refused and overwrites nothing', async () => {
		const id = await recordCorrectionRequest(caseworker(), pid(), 'Geburtsdatum ist falsch');
		const open = { status: 'open', version: 1 };
		const results = await Promise.all([
			decideCorrection(caseworker(), pid(), id, 'corrected', 'Geändert', open),
			decideCorrection(lead(), pid(), id, 'declined', 'Stimmt laut Pass', open)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([CHANGED]);
		const [decided] = await correctionsOf(fixtureAccess(pid()));
		expect(decided.outcome).toBe(results[0].ok ? 'corrected' : 'declined');
		expect(decided.version).toBe(2);
		expect(await decisions()).toBe(1);
	});

	it('a later decision on a form that still showed it open is refused', async () => {
		const id = await recordCorrectionRequest(caseworker(), pid(), 'Adresse ist alt');
		expect(await decideCorrection(caseworker(), pid(), id, 'corrected', '')).toEqual({ ok: true });
		expect(await decideCorrection(lead(), pid(), id, 'declined', 'Nein', { status: 'open', version: 1 })).toEqual(
			CHANGED
		);
		expect((await correctionsOf(fixtureAccess(pid())))[0]).toMatchObject({ outcome: 'corrected', outcomeNote: '' });
		expect(await decideCorrection(caseworker(), pid(), 'no-such-id', 'corrected', '')).toEqual({
			ok: false,
			reason: 'error.not_found'
		});
	});
});
