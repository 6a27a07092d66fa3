import { beforeAll, describe, expect, it } from 'vitest';
import { CHANGED_MEANWHILE } from '../db/conditional';
import { reportTextOwner } from '../policy/report-texts';
import { actorOf, makeUser, makeWorld } from '../testing/factories';
import { readReportTexts, saveReportTexts } from '.';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
beforeAll(async () => {
	world = await makeWorld();
});

const texts = (focus: string) => ({
	focus,
	cooperation: 'Jobcenter',
	challenges: '',
	outlook: '',
	language: 'de' as const
});

describe('short report', () => {
	it('a caseworker writes their own, the lead reads it but cannot change it', async () => {
		const cw = actorOf(world.caseworker);
		const mine = (await reportTextOwner(cw, {}))!;
		expect(mine).toMatchObject({ kind: 'caseworker', id: world.caseworker.id, writable: true });
		expect(saveReportTexts(cw, mine, 2026, 0, texts('Wohnungssuche'))).toEqual({ ok: true });

		const asLead = (await reportTextOwner(actorOf(world.lead), { caseworkerId: world.caseworker.id }))!;
		expect(asLead.writable).toBe(false);
		const read = await readReportTexts(asLead, 2026);
		expect(read).toMatchObject({ focus: 'Wohnungssuche', cooperation: 'Jobcenter', version: 1 });
		expect(read.updatedByName).toBe(world.caseworker.displayName);
		expect(saveReportTexts(actorOf(world.lead), asLead, 2026, 1, texts('x'))).toEqual({ reason: 'error.not_found' });
		// Another year is a report of its own.
		expect((await readReportTexts(asLead, 2025)).version).toBe(0);
	});

	it('nobody else opens one: other caseworker, other organisation, coordinator, admin, volunteer', async () => {
		expect(await reportTextOwner(actorOf(world.otherCaseworker), { caseworkerId: world.caseworker.id })).toBeNull();
		expect(await reportTextOwner(actorOf(world.welfareLead), { caseworkerId: world.caseworker.id })).toBeNull();
		const coordinator = await makeUser('coordinator', world.county.id);
		expect(await reportTextOwner(actorOf(coordinator), {})).toBeNull();
		expect(await reportTextOwner(actorOf(world.admin), {})).toBeNull();
		expect(await reportTextOwner(actorOf(world.volunteer), {})).toBeNull();
	});

	it('two people saving the same version at once: one text is kept, the other hears it changed meanwhile', async () => {
		const lead = actorOf(world.lead);
		const org = (await reportTextOwner(lead, {}))!;
		expect(org).toMatchObject({ kind: 'organisation', id: world.county.id, writable: true });
		const secondLead = actorOf(await makeUser('lead', world.county.id));
		// Both start from "nothing written yet", then both from version 1.
		const first = await Promise.all([
			Promise.resolve().then(() => saveReportTexts(lead, org, 2026, 0, texts('A'))),
			Promise.resolve().then(() => saveReportTexts(secondLead, org, 2026, 0, texts('B')))
		]);
		expect(first.filter((r) => 'ok' in r)).toHaveLength(1);
		expect(first.filter((r) => 'reason' in r && r.reason === CHANGED_MEANWHILE)).toHaveLength(1);
		const again = await Promise.all([
			Promise.resolve().then(() => saveReportTexts(lead, org, 2026, 1, texts('C'))),
			Promise.resolve().then(() => saveReportTexts(secondLead, org, 2026, 1, texts('D')))
		]);
		expect(again.filter((r) => 'ok' in r)).toHaveLength(1);
		const stored = await readReportTexts(org, 2026);
		expect(stored.version).toBe(2);
		expect(['C', 'D']).toContain(stored.focus);
	});
});
