import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { config } from '../config';
import { makeWorld } from '../testing/factories';
import { db } from '.';
import { appointmentEvents, appointments, auditLog, goals, participants, planHistory, steps } from './schema';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
beforeAll(async () => {
	world = await makeWorld();
});

/** Inserts one row into each table with `updated_at`, the way every domain module does: without setting it. */
async function insertRows() {
	const goalId = crypto.randomUUID();
	const stepId = crypto.randomUUID();
	const appointmentId = crypto.randomUUID();
	await db.insert(goals).values({ id: goalId, participantId: world.participant.id, field: 'work', title: 'Job' });
	await db.insert(steps).values({ id: stepId, goalId, assignee: 'participant', text: 'CV' });
	const startsAt = new Date(Date.now() + 86_400_000);
	await db.insert(appointments).values({
		id: appointmentId,
		participantId: world.participant.id,
		kind: 'doctor',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 3_600_000),
		status: 'confirmed',
		createdBy: world.caseworker.id
	});
	return { goalId, stepId, appointmentId };
}

async function updatedAtOf(ids: { goalId: string; stepId: string; appointmentId: string }) {
	const read = async <T extends { updatedAt: Date }>(rows: Promise<T[]>) => (await rows)[0].updatedAt.getTime();
	return {
		participant: await read(db.select().from(participants).where(eq(participants.id, world.participant.id))),
		goal: await read(db.select().from(goals).where(eq(goals.id, ids.goalId))),
		step: await read(db.select().from(steps).where(eq(steps.id, ids.stepId))),
		appointment: await read(db.select().from(appointments).where(eq(appointments.id, ids.appointmentId)))
	};
}

describe('updated_at', () => {
	it('is the creation time of a new row, not 01.01.1970', async () => {
		const before = Date.now() - 5_000;
		const times = await updatedAtOf(await insertRows());
		for (const [table, at] of Object.entries(times)) {
			expect(at, table).toBeGreaterThan(before);
			expect(at, table).toBeLessThanOrEqual(Date.now());
		}
	});

	it('moves with every update, also one that does not set it', async () => {
		const ids = await insertRows();
		const later = new Date(Date.now() + 60_000);
		await db.update(goals).set({ title: 'Training' }).where(eq(goals.id, ids.goalId));
		const [goal] = await db.select().from(goals).where(eq(goals.id, ids.goalId));
		expect(goal.updatedAt.getTime()).toBeGreaterThanOrEqual(goal.createdAt.getTime());
		await db.update(goals).set({ updatedAt: later }).where(eq(goals.id, ids.goalId));
		const [set] = await db.select().from(goals).where(eq(goals.id, ids.goalId));
		expect(set.updatedAt).toEqual(later);
	});

	it('is repaired by the migration from the newest evidence of a change', async () => {
		const ids = await insertRows();
		const sqlite = db.$client;
		const created = Date.parse('2026-03-01T10:00:00Z');
		const changed = Date.parse('2026-04-02T09:30:00Z');
		// The state before the fix: rows with 0, as the old column default wrote them.
		sqlite.exec('DROP TRIGGER participants_updated_at_on_insert; DROP TRIGGER goals_updated_at_on_insert;');
		sqlite.exec('DROP TRIGGER steps_updated_at_on_insert; DROP TRIGGER appointments_updated_at_on_insert;');
		for (const table of ['participants', 'goals', 'steps', 'appointments']) {
			sqlite.prepare(`update ${table} set updated_at = 0, created_at = ?`).run(created);
		}
		await db.insert(auditLog).values({
			action: 'participant.updated',
			participantId: world.participant.id,
			at: new Date(changed)
		});
		await db.insert(planHistory).values({
			participantId: world.participant.id,
			goalId: ids.goalId,
			change: 'goal.updated',
			at: new Date(changed + 1)
		});
		await db.insert(planHistory).values({
			participantId: world.participant.id,
			goalId: ids.goalId,
			stepId: ids.stepId,
			change: 'step.updated',
			at: new Date(changed + 2)
		});
		await db.insert(appointmentEvents).values({
			appointmentId: ids.appointmentId,
			action: 'confirmed',
			at: new Date(changed + 3)
		});

		const migration = readFileSync(join(config().migrationsFolder, '0009_updated_at_fix.sql'), 'utf8');
		for (const statement of migration.split('--> statement-breakpoint')) sqlite.exec(statement);

		expect(await updatedAtOf(ids)).toEqual({
			participant: changed,
			goal: changed + 1,
			step: changed + 2,
			appointment: changed + 3
		});
		const untouched = await db.select().from(participants).where(eq(participants.id, world.neighbour.id));
		expect(untouched[0].updatedAt.getTime()).toBe(created);
	});
});
