import { and, desc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { encodeCursor } from '../db/keyset';
import { auditLog, participants } from '../db/schema';
import { actorOf, makeOrganisation, makeParticipant, makeUser } from '../testing/factories';
import { parseCaseloadFilters, searchCaseload } from './caseload';

type Actor = ReturnType<typeof actorOf>;
type Result = Awaited<ReturnType<typeof searchCaseload>>;

let lead: Actor;
let caseworker: Actor;
let ownIds: Set<string>;
let otherIds: Set<string>;
let caseworkerIds: Set<string>;

/** Every page from the first to the last, then back again by the previous links. */
async function walk(actor: Actor, query: Record<string, string> = {}) {
	const filters = parseCaseloadFilters(new URLSearchParams(query));
	const forward: Result[] = [await searchCaseload(actor, filters)];
	while (forward.at(-1)!.next !== null && forward.length < 20) {
		forward.push(await searchCaseload(actor, filters, forward.at(-1)!.next));
	}
	const back: Result[] = [forward.at(-1)!];
	while (back[0].previous !== null && back.length < 20) {
		back.unshift(await searchCaseload(actor, filters, back[0].previous));
	}
	return { forward, back, ids: forward.flatMap((p) => p.rows.map((r) => r.id)) };
}

beforeAll(async () => {
	const county = await makeOrganisation('county');
	const town = await makeOrganisation('town');
	const welfare = await makeOrganisation('welfare');
	const cw = await makeUser('caseworker', county.id);
	const other = await makeUser('caseworker', county.id);
	lead = actorOf(await makeUser('lead', county.id));
	caseworker = actorOf(cw);
	const own = [];
	for (let i = 0; i < 124; i++) {
		own.push(
			await makeParticipant({
				organisationId: county.id,
				townId: town.id,
				caseworkerId: i % 2 === 0 ? cw.id : other.id,
				familyName: i < 70 ? `Alpha${i % 5}` : `Beta${i % 3}`
			})
		);
	}
	const foreign = [];
	for (let i = 0; i < 30; i++) {
		foreign.push(await makeParticipant({ organisationId: welfare.id, townId: town.id, familyName: 'Alpha0' }));
	}
	ownIds = new Set(own.map((p) => p.id));
	otherIds = new Set(foreign.map((p) => p.id));
	caseworkerIds = new Set(own.filter((_, i) => i % 2 === 0).map((p) => p.id));
	// Namesakes: the same family and given name, told apart by the id alone.
	await db
		.update(participants)
		.set({ givenName: 'Same' })
		.where(and(eq(participants.familyName, 'Alpha0'), inArray(participants.id, [...ownIds])));
});

describe('the caseload pages by key, 50 at a time', () => {
	it("walks a lead's whole organisation forward and back: no duplicates, no gaps, the total right", async () => {
		const { forward, back, ids } = await walk(lead);
		expect(forward.map((p) => p.rows.length)).toEqual([50, 50, 24]);
		expect(new Set(ids)).toEqual(ownIds);
		expect(ids).toHaveLength(124);
		expect(forward.map((p) => [p.from, p.to, p.total])).toEqual([
			[1, 50, 124],
			[51, 100, 124],
			[101, 124, 124]
		]);
		expect(back.map((p) => p.rows.map((r) => r.id))).toEqual(forward.map((p) => p.rows.map((r) => r.id)));
		const names = forward.flatMap((p) => p.rows.map((r) => `${r.familyName}\u0000${r.givenName}`));
		expect(names).toEqual([...names].sort());
	});

	it('keeps a caseworker to their own cases on every page; another organisation never appears', async () => {
		const { forward, ids } = await walk(caseworker);
		expect(forward.map((p) => p.rows.length)).toEqual([50, 12]);
		expect(new Set(ids)).toEqual(caseworkerIds);
		expect(ids.some((id) => otherIds.has(id))).toBe(false);
	});

	it('keeps the filters in every page and in the total', async () => {
		const { forward, ids } = await walk(lead, { q: 'alpha' });
		expect(forward.map((p) => [p.rows.length, p.total])).toEqual([
			[50, 70],
			[20, 70]
		]);
		expect(ids.every((id) => ownIds.has(id))).toBe(true);
		expect(forward.flatMap((p) => p.rows).every((r) => r.familyName.startsWith('Alpha'))).toBe(true);
	});

	it('audits each page view, naming exactly who that page showed', async () => {
		const filters = parseCaseloadFilters(new URLSearchParams({ q: 'beta' }));
		const first = await searchCaseload(lead, filters);
		const second = await searchCaseload(lead, filters, first.next);
		const entries = await db
			.select({ detail: auditLog.detail })
			.from(auditLog)
			.where(and(eq(auditLog.actorId, lead.id), eq(auditLog.action, 'caseload.viewed')))
			.orderBy(desc(auditLog.id))
			.limit(2);
		expect(entries.map((e) => e.detail?.shown)).toEqual([second.rows.map((r) => r.id), first.rows.map((r) => r.id)]);
		expect(entries[0].detail?.filters).toMatchObject({ q: 'beta' });
	});

	it('answers a malformed, forged or stale cursor with the first page', async () => {
		const all = parseCaseloadFilters(new URLSearchParams());
		const first = await searchCaseload(lead, all);
		const stale = encodeCursor('caseload', { towards: 'next', offset: 900, key: ['Zz', 'Zz', 'zz'] });
		for (const cursor of ['nonsense', 'e30.AAAA', stale]) {
			const page = await searchCaseload(lead, all, cursor);
			expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
			expect(page.previous).toBeNull();
		}
	});
});
