import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../audit';
import { config } from '../config';
import { db } from '../db';
import { auditSubjects } from '../db/schema';
import { actorOf, fixtureAccess, makeWorld } from '../testing/factories';
import {
	accessCursorFrom,
	accessesTo,
	accessPage,
	accessPageQuery,
	countAccessesTo,
	type AccessCursor
} from './access-log';

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

async function walk(first: AccessCursor, size: number, direction: 'older' | 'newer') {
	const pages: number[][] = [];
	let cursor: AccessCursor | null = first;
	while (cursor !== null) {
		const page = await accessPage(fixtureAccess(world.participant.id), own, cursor, size);
		pages.push(page.entries.map((e) => e.id));
		const next = direction === 'older' ? page.olderThan : page.newerThan;
		cursor = next === null ? null : { from: direction === 'older' ? 'before' : 'after', id: next };
	}
	return pages;
}

describe('who saw my data', () => {
	it('reaches every entry by others, newest first, page by page, and back again', async () => {
		const down = await walk({ from: 'newest' }, 3, 'older');
		expect(down.map((p) => p.length)).toEqual([3, 3, 2]);
		expect(down.flat()).toEqual(expected);
		const first = await accessPage(fixtureAccess(world.participant.id), own, { from: 'newest' }, 3);
		expect(first.newerThan).toBeNull();

		const up = await walk({ from: 'after', id: down[2][1] }, 3, 'newer');
		expect(up).toEqual([expected.slice(4, 7), expected.slice(1, 4), expected.slice(0, 1)]);
		expect(await accessesTo(fixtureAccess(world.participant.id), own)).toHaveLength(expected.length);
		expect(await countAccessesTo(fixtureAccess(world.participant.id), own)).toBe(expected.length);
	});

	it('writes the subjects with the entry: the participant, and everyone a caseload list named', async () => {
		const listed = await db.select().from(auditSubjects).where(eq(auditSubjects.auditId, expected[0]));
		expect(listed.map((s) => s.participantId).sort()).toEqual([world.neighbour.id, world.participant.id].sort());
	});

	it('finds a page through the index, without reading the whole log', () => {
		const query = accessPageQuery(fixtureAccess(world.participant.id), own, { from: 'before', id: 1000 }, 50).toSQL();
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

	it('reads a cursor only from a well-formed id', () => {
		const cursor = (q: string) => accessCursorFrom(new URLSearchParams(q));
		expect(cursor('before=42')).toEqual({ from: 'before', id: 42 });
		expect(cursor('after=7')).toEqual({ from: 'after', id: 7 });
		for (const bad of [
			'',
			'before=',
			'before=0',
			'before=-1',
			'before=1e3',
			'after=x',
			'before=99999999999999999999'
		]) {
			expect(cursor(bad), bad).toEqual({ from: 'newest' });
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
