import { and, count, eq, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '.';
import { participants } from './schema';
import { decodeCursor, encodeCursor, keysetPage, PAGE_SIZE, type KeyValue, type Page } from './keyset';
import { makeOrganisation, makeParticipant } from '../testing/factories';

type Row = { id: string; familyName: string; givenName: string };

let organisationId = '';
let expected: string[] = [];

function pageOf(cursor: string | null, extra?: SQL, descending = false): Promise<Page<Row>> {
	const where = and(eq(participants.organisationId, organisationId), extra);
	return keysetPage<Row>({
		list: 'spec',
		cursor,
		descending,
		columns: [participants.familyName, participants.givenName, participants.id],
		keyOf: (r) => [r.familyName, r.givenName, r.id],
		rows: (key, orderBy, limit) =>
			db
				.select({ id: participants.id, familyName: participants.familyName, givenName: participants.givenName })
				.from(participants)
				.where(and(where, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(participants).where(where))[0].n
	});
}

beforeAll(async () => {
	const org = await makeOrganisation('county');
	const other = await makeOrganisation('county');
	organisationId = org.id;
	// Few family names, so many people share one and the id has to break the ties.
	for (let i = 0; i < 123; i++) {
		await makeParticipant({ organisationId: org.id, townId: org.id, familyName: `Name${i % 7}` });
	}
	for (let i = 0; i < 5; i++) await makeParticipant({ organisationId: other.id, townId: other.id });
	// Eighteen people with the very same name: only the id tells them apart.
	await db.update(participants).set({ givenName: 'Same' }).where(eq(participants.familyName, 'Name0'));
	const all = await db
		.select({ id: participants.id, familyName: participants.familyName, givenName: participants.givenName })
		.from(participants)
		.where(eq(participants.organisationId, org.id));
	const key = (r: Row) => [r.familyName, r.givenName, r.id];
	expected = all
		.sort((a, b) => {
			const [x, y] = [key(a), key(b)];
			for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return x[i] < y[i] ? -1 : 1;
			return 0;
		})
		.map((r) => r.id);
});

describe('keyset pages', () => {
	it('walks forward and back 50 at a time without duplicates or gaps, with the total and positions', async () => {
		const forward: Page<Row>[] = [];
		let cursor: string | null = null;
		do {
			const page: Page<Row> = await pageOf(cursor);
			forward.push(page);
			cursor = page.next;
		} while (cursor !== null && forward.length < 10);
		expect(forward.map((p) => p.rows.length)).toEqual([50, 50, 23]);
		expect(forward.flatMap((p) => p.rows.map((r) => r.id))).toEqual(expected);
		expect(forward.map((p) => [p.from, p.to, p.total])).toEqual([
			[1, 50, 123],
			[51, 100, 123],
			[101, 123, 123]
		]);
		expect(forward[0].previous).toBeNull();

		const back: Page<Row>[] = [forward[2]];
		while (back[0].previous !== null && back.length < 10) back.unshift(await pageOf(back[0].previous));
		expect(back.map((p) => p.rows.map((r) => r.id))).toEqual(forward.map((p) => p.rows.map((r) => r.id)));
		expect(back.map((p) => [p.from, p.to])).toEqual(forward.map((p) => [p.from, p.to]));
		expect(back[1].next).not.toBeNull();
	});

	it('reads newest first as well (descending keys)', async () => {
		const first = await pageOf(null, undefined, true);
		const second = await pageOf(first.next, undefined, true);
		expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual([...expected].reverse().slice(0, 100));
		expect((await pageOf(second.previous, undefined, true)).rows).toEqual(first.rows);
	});

	it('keeps the list’s own conditions in every page and in the total', async () => {
		const only = eq(participants.familyName, 'Name3');
		const page = await pageOf(null, only);
		expect(page.total).toBe(18); // i % 7 === 3 for i < 123
		expect(page.rows.every((r) => r.familyName === 'Name3')).toBe(true);
		expect(page.next).toBeNull();
	});

	it('shows the first page for a malformed, forged, foreign or stale cursor — never an error', async () => {
		const first = await pageOf(null);
		const second = await pageOf(first.next);
		const [payload] = second.previous!.split('.');
		const forged = `${Buffer.from(JSON.stringify(['next', 60, 'Name9', '', ''])).toString('base64url')}.${second.previous!.split('.')[1]}`;
		for (const bad of [
			'',
			'x',
			'..',
			`${payload}.`,
			`${payload}.AAAA`,
			`${second.previous}x`,
			forged,
			'a'.repeat(5000),
			'%00'
		]) {
			expect((await pageOf(bad)).rows, bad.slice(0, 20)).toEqual(first.rows);
		}
		// A cursor of another list does not check here.
		const foreign = encodeCursor('another list', { towards: 'next', offset: 50, key: ['Name3', '', ''] });
		expect((await pageOf(foreign)).rows).toEqual(first.rows);
		// Past the end (everything after it removed meanwhile): the first page rather than an empty one.
		const beyond = encodeCursor('spec', { towards: 'next', offset: 200, key: ['Zzz', 'Zzz', 'zzz'] });
		const page = await pageOf(beyond);
		expect(page.rows).toEqual(first.rows);
		expect([page.from, page.previous]).toEqual([1, null]);
	});

	it('decodes only the shape it wrote', () => {
		const key: KeyValue[] = ['a', 1, 'id'];
		const text = encodeCursor('spec', { towards: 'previous', offset: 50, key });
		expect(decodeCursor('spec', text, 3)).toEqual({ towards: 'previous', offset: 50, key });
		expect(decodeCursor('spec', text, 2)).toBeNull();
		expect(decodeCursor('spec', null, 3)).toBeNull();
		expect(PAGE_SIZE).toBe(50);
	});
});
