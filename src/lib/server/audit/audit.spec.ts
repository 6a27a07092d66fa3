import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { config } from '../config';
import { db } from '../db';
import { auditLog } from '../db/schema';
import { makeWorld, actorOf } from '../testing/factories';
import { verifyChain } from './chain.js';
import { recordAudit } from '.';

function rawRows(file: string) {
	const raw = new Database(file, { readonly: true });
	const rows = raw
		.prepare(
			'select id, created_at as at, actor_id as actorId, actor_role as actorRole, action, participant_id as participantId, detail, prev_hash as prevHash, hash from audit_log order by id'
		)
		.all() as Parameters<typeof verifyChain>[0] extends Iterable<infer R> ? R[] : never;
	raw.close();
	return rows;
}

describe('tamper-evident audit log', () => {
	it('chains every entry to the one before, and the verifier finds the first changed or removed entry', async () => {
		const world = await makeWorld();
		for (let i = 0; i < 5; i++) {
			await recordAudit({
				actor: actorOf(world.caseworker),
				action: 'participant.viewed',
				participantId: world.participant.id,
				detail: { n: i, note: 'ä ✓' }
			});
		}
		const file = config().databaseFile;
		const rows = rawRows(file);
		expect(rows.length).toBeGreaterThanOrEqual(5);
		expect(verifyChain(rows)).toEqual({ checked: rows.length, broken: null });
		expect(rows[1].prevHash).toBe(rows[0].hash);

		const cli = () => {
			try {
				return {
					code: 0,
					out: execFileSync('node', ['src/lib/server/audit/verify-cli.js'], {
						env: { ...process.env, DATABASE_URL: file },
						encoding: 'utf8'
					})
				};
			} catch (e) {
				const err = e as { status: number; stdout: string };
				return { code: err.status, out: err.stdout };
			}
		};
		expect(cli()).toMatchObject({ code: 0, out: expect.stringContaining('intact') });

		// Someone with access to the file drops the guard triggers and edits an entry: the chain shows it.
		const attacker = new Database(file);
		attacker.exec('drop trigger audit_log_no_update; drop trigger audit_log_no_delete;');
		// audit_subjects refers to the entries; an attacker removing one turns that check off as well.
		attacker.pragma('foreign_keys = off');
		const victim = rows[2];
		attacker.prepare("update audit_log set action = 'plan.viewed' where id = ?").run(victim.id);
		expect(verifyChain(rawRows(file)).broken).toMatchObject({ id: victim.id, reason: 'hash' });
		expect(cli()).toMatchObject({ code: 1, out: expect.stringContaining(`entry ${victim.id}`) });

		attacker.prepare("update audit_log set action = 'participant.viewed' where id = ?").run(victim.id);
		attacker.prepare('delete from audit_log where id = ?').run(rows[3].id);
		expect(verifyChain(rawRows(file)).broken).toMatchObject({ id: rows[4].id, reason: 'link' });
		attacker.close();
		expect(await db.select().from(auditLog)).toHaveLength(rows.length - 1);
	});
});
