import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { desc, eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit';
import { config } from '../config';
import { db } from '../db';
import { keyCondition } from '../db/keyset';
import { auditSubjects } from '../db/schema';
import { actorOf, fixtureAccess, makeWorld } from '../testing/factories';
import { accessesTo, accessPage, accessPageQuery, countAccessesTo } from './access-log';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let own: string;
/** Entry ids "who saw my data" must list for world.participant, newest first. */
const expected: number[] = [];

beforeAll(async () => {
	world = await makeWorld();
	own = world.participant.userId!;
	const caseworker = actorOf(world.caseworker);
	const id = () => (db.$client.prepare('select max(id) as id from audit_log').get() as { id: number }).id;
	for (let i = 0; i < 7; i++) {
		await recordAudit({ actor: caseworker, action: 'participant.viewed', participantId: world.participant.id });
		expected.unshift(id());
		// Noise: the person's own looks, and entries about someone else.
		await recordAudit({
			actor: actorOf({ id: own, role: 'participant', organisationId: null }, world.participant.id),
			action: 'plan.viewed',
			participantId: world.participant.id
		});
		await recordAudit({ actor: caseworker, action: 'participant.viewed', participantId: world.neighbour.id });
	}
	// A list that showed her name among others.
	await recordAudit({
		actor: actorOf(world.lead),
		action: 'caseload.viewed',
		detail: { filters: {}, shown: [world.neighbour.id, world.participant.id] }
	});
	expected.unshift(id());
});

type Page = Awaited<ReturnType<typeof accessPage>>;

/** From the newest entry to the oldest by the "older" links, then back by the "newer" ones. */
async function walk(size: number) {
	const read = (cursor: string | null) => accessPage(fixtureAccess(world.participant.id), own, cursor, size);
	const down: Page[] = [await read(null)];
	while (down.at(-1)!.next !== null && down.length < 10) down.push(await read(down.at(-1)!.next));
	const up: Page[] = [down.at(-1)!];
	while (up[0].previous !== null && up.length < 10) up.unshift(await read(up[0].previous));
	const ids = (pages: Page[]) => pages.map((p) => p.rows.map((e) => e.id));
	return { down, downIds: ids(down), upIds: ids(up) };
}

describe('who saw my data', () => {
	it('reaches every entry by others, newest first, page by page, and back again', async () => {
		const { down, downIds, upIds } = await walk(3);
		expect(downIds.map((p) => p.length)).toEqual([3, 3, 2]);
		expect(downIds.flat()).toEqual(expected);
		expect(down[0].previous).toBeNull();
		expect(down.map((p) => [p.from, p.to, p.total])).toEqual([
			[1, 3, 8],
			[4, 6, 8],
			[7, 8, 8]
		]);
		expect(upIds).toEqual(downIds);
		expect(await accessesTo(fixtureAccess(world.participant.id), own)).toHaveLength(expected.length);
		expect(await countAccessesTo(fixtureAccess(world.participant.id), own)).toBe(expected.length);
	});

	it('writes the subjects with the entry: the participant, and everyone a caseload list named', async () => {
		const listed = await db.select().from(auditSubjects).where(eq(auditSubjects.auditId, expected[0]));
		expect(listed.map((s) => s.participantId).sort()).toEqual([world.neighbour.id, world.participant.id].sort());
	});

	it('finds a page through the index, without reading the whole log', () => {
		const key = keyCondition([auditSubjects.auditId], [1000], false);
		const query = accessPageQuery(
			fixtureAccess(world.participant.id),
			own,
			key,
			[desc(auditSubjects.auditId)],
			51
		).toSQL();
		const plan = db.$client
			.prepare(`explain query plan ${query.sql}`)
			.all(...(query.params as unknown[]))
			.map((row) => (row as { detail: string }).detail);
		expect(plan[0]).toMatch(
			/^SEARCH audit_subjects USING (COVERING )?INDEX \S+ \(participant_id=\? AND audit_id<\?\)$/
		);
		expect(plan.join('\n')).toMatch(/SEARCH audit_log USING INTEGER PRIMARY KEY \(rowid=\?\)/);
		expect(plan.join('\n')).not.toMatch(/SCAN|TEMP B-TREE/);
	});

	it('shows the newest entries for a cursor that is not one of its own', async () => {
		const first = await accessPage(fixtureAccess(world.participant.id), own, null, 3);
		for (const bad of ['', '42', 'before=42', `${first.next}x`, 'x'.repeat(3000)]) {
			expect((await accessPage(fixtureAccess(world.participant.id), own, bad, 3)).rows, bad).toEqual(first.rows);
		}
	});
});

describe('the audit_subjects migration', () => {
	it('fills the table from the existing log', () => {
		const dir = mkdtempSync(join(tmpdir(), 'tandem-subjects-'));
		try {
			// The migrations up to the one before audit_subjects, then a log written by the old code.
			const older = join(dir, 'drizzle');
			cpSync(config().migrationsFolder, older, { recursive: true });
			const journalFile = join(older, 'meta', '_journal.json');
			const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
			const at = journal.entries.findIndex((e) => e.tag.endsWith('_audit_subjects'));
			writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
			const sqlite = new Database(join(dir, 'old.db'));
			migrate(drizzle(sqlite), { migrationsFolder: older });
			const insert = sqlite.prepare('insert into audit_log (action, participant_id, detail) values (?, ?, ?)');
			insert.run('participant.viewed', 'p1', null);
			insert.run('caseload.viewed', null, JSON.stringify({ shown: ['p1', 'p2'] }));
			insert.run('document.viewed', 'p2', JSON.stringify({ list: true, shown: ['d1'] }));
			insert.run('auth.signed_in', null, null);

			migrate(drizzle(sqlite), { migrationsFolder: config().migrationsFolder });
			const rows = sqlite.prepare('select audit_id as id, participant_id as p from audit_subjects order by 1, 2').all();
			expect(rows).toEqual([
				{ id: 1, p: 'p1' },
				{ id: 2, p: 'p1' },
				{ id: 2, p: 'p2' },
				{ id: 3, p: 'p2' }
			]);
			expect(() => sqlite.prepare('delete from audit_subjects').run()).toThrow(/append-only/);
			sqlite.close();
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
