import { beforeEach, describe, expect, it } from 'vitest';
import { berlinParts } from '../appointments/time';
import { parseForm } from '../forms';
import { actorOf, makeWorld } from '../testing/factories';
import { networkingMonth, networkingPage, recordNetworking } from './networking';
import { networkingSchema, type NetworkingInput } from './schema';

let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
	world = await makeWorld();
});

const today = () => berlinParts(new Date()).date;
const call = (overrides: Partial<NetworkingInput> = {}): NetworkingInput => ({
	date: today(),
	group: 'authorities',
	form: 'phone',
	durationMinutes: 20,
	note: 'Jobcenter, Absprache Sprachkurse',
	...overrides
});

function form(fields: Record<string, string>) {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
}

describe('networking contacts', () => {
	it("are kept per caseworker, newest first, with this month's total of minutes", async () => {
		const me = actorOf(world.caseworker);
		expect(recordNetworking(me, call()).ok).toBe(true);
		expect(recordNetworking(me, call({ group: 'employers', form: 'meeting', durationMinutes: 90 })).ok).toBe(true);
		expect(recordNetworking(actorOf(world.otherCaseworker), call()).ok).toBe(true);
		const page = await networkingPage(me, null);
		expect(page.rows.map((r) => r.group).sort()).toEqual(['authorities', 'employers']);
		const [year, month] = today().split('-').map(Number);
		expect(await networkingMonth(me, year, month)).toEqual({ count: 2, minutes: 110 });
		expect(await networkingMonth(me, year, month - 1)).toEqual({ count: 0, minutes: 0 });
	});

	it('refuse a future day and bad input, and are not for participants or volunteers', async () => {
		const me = actorOf(world.caseworker);
		const nextWeek = berlinParts(new Date(Date.now() + 7 * 24 * 3600 * 1000)).date;
		expect(recordNetworking(me, call({ date: nextWeek }))).toMatchObject({ ok: false, reason: 'contacts.in_future' });
		const valid = { date: today(), group: 'authorities', form: 'phone', durationMinutes: '20' };
		expect(parseForm(networkingSchema, form(valid)).ok).toBe(true);
		for (const wrong of [{ durationMinutes: '0' }, { durationMinutes: '-5' }, { group: 'police' }, { form: 'fax' }]) {
			expect(parseForm(networkingSchema, form({ ...valid, ...wrong })).ok, JSON.stringify(wrong)).toBe(false);
		}
		const volunteer = actorOf(world.volunteer);
		const participant = actorOf(
			{ id: world.participant.userId!, role: 'participant', organisationId: null },
			world.participant.id
		);
		for (const actor of [volunteer, participant]) {
			expect(() => recordNetworking(actor, call())).toThrow(expect.objectContaining({ status: 404 }));
			await expect(networkingPage(actor, null)).rejects.toMatchObject({ status: 404 });
		}
	});
});
