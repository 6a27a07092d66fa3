import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { assignments, auditLog, caseEvents, cases, organisations, participants, users } from '../db/schema';
import { setContactGapWeeks } from '../organisations';
import { reassignCases } from '../participants/assignment';
import { actorOf, makeParticipant, makeUser, makeWorld } from '../testing/factories';
import { setFullTimeEquivalent, teamLoad } from './team-load';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;

beforeEach(async () => {
	world = await makeWorld();
});

async function caseworkerOf(participantId: string) {
	const row = await db
		.select({ id: assignments.caseworkerId })
		.from(assignments)
		.where(and(eq(assignments.participantId, participantId), isNull(assignments.endedAt)))
		.get();
	return row?.id ?? null;
}

describe('bulk reassignment', () => {
	it('two leads at once: each case moves once, the other lead hears which changed meanwhile', async () => {
		const secondLead = actorOf(await makeUser('lead', world.county.id));
		const people = [world.participant];
		for (let i = 0; i < 4; i++) {
			people.push(
				await makeParticipant({
					organisationId: world.county.id,
					townId: world.town.id,
					caseworkerId: world.caseworker.id
				})
			);
		}
		const seen = people.map((p) => ({ participantId: p.id, seenCaseworkerId: world.caseworker.id }));
		const third = await makeUser('caseworker', world.county.id);
		const [first, second] = await Promise.all([
			reassignCases(actorOf(world.lead), seen, world.otherCaseworker.id, 'Frau Keller in Elternzeit'),
			reassignCases(secondLead, seen.slice(0, 3), third.id, 'Bezirk Nord wechselt')
		]);
		if ('reason' in first || 'reason' in second) throw new Error('refused');
		expect(first.moved + second.moved).toBe(5);
		expect(first.changed.length + second.changed.length).toBe(3);
		const holders = await Promise.all(people.map((p) => caseworkerOf(p.id)));
		// Exactly one writer won each case; nobody's case ended up with two current caseworkers.
		for (const holder of holders) expect([world.otherCaseworker.id, third.id]).toContain(holder);
		const events = await db
			.select({ reason: caseEvents.reason })
			.from(caseEvents)
			.innerJoin(cases, eq(cases.id, caseEvents.caseId))
			.where(eq(caseEvents.kind, 'reassigned'));
		expect(events.length).toBeGreaterThanOrEqual(5);
		const changes = await db.select().from(auditLog).where(eq(auditLog.action, 'assignment.changed'));
		expect(changes.filter((c) => people.some((p) => p.id === c.participantId))).toHaveLength(5);
	});

	it('refuses without a note, without cases, to another organisation, and 404s on a foreign case; writes nothing', async () => {
		const lead = actorOf(world.lead);
		const seen = [{ participantId: world.participant.id, seenCaseworkerId: world.caseworker.id }];
		expect(await reassignCases(lead, seen, world.otherCaseworker.id, '  ')).toMatchObject({
			reason: 'team.handover_note_required'
		});
		expect(await reassignCases(lead, [], world.otherCaseworker.id, 'x')).toMatchObject({
			reason: 'team.select_cases'
		});
		expect(await reassignCases(lead, seen, world.welfareCaseworker.id, 'x')).toMatchObject({
			reason: 'form.pick_option'
		});
		const foreign = [{ participantId: world.welfareCase.id, seenCaseworkerId: world.welfareCaseworker.id }];
		await expect(reassignCases(lead, foreign, world.otherCaseworker.id, 'x')).rejects.toMatchObject({ status: 404 });
		await expect(reassignCases(actorOf(world.caseworker), seen, world.otherCaseworker.id, 'x')).rejects.toMatchObject({
			status: 404
		});
		expect(await caseworkerOf(world.participant.id)).toBe(world.caseworker.id);
		expect(await caseworkerOf(world.welfareCase.id)).toBe(world.welfareCaseworker.id);
	});
});

describe("the lead's load view", () => {
	it('counts open cases per caseworker against FTE × 80, by town and district', async () => {
		await db.update(users).set({ fullTimeEquivalent: 75 }).where(eq(users.id, world.caseworker.id));
		await db.update(participants).set({ district: 'Nord' }).where(eq(participants.id, world.participant.id));
		await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			caseStatus: 'referred'
		});
		await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			caseStatus: 'closed'
		});
		const { caseworkers, unassigned } = await teamLoad(actorOf(world.lead));
		const mine = caseworkers.find((c) => c.id === world.caseworker.id)!;
		expect(mine).toMatchObject({ cases: 2, capacity: 60, fullTimeEquivalent: 75 });
		expect(mine.byPlace.map((p) => [p.district, p.cases]).sort()).toEqual([
			['', 1],
			['Nord', 1]
		]);
		expect(caseworkers.map((c) => c.id)).not.toContain(world.welfareCaseworker.id);
		expect(unassigned).toBe(0);
		expect(await teamLoad(actorOf(world.caseworker))).toEqual({ caseworkers: [], unassigned: 0 });
	});

	it('changes a full-time equivalent once when two leads save at once; not across organisations', async () => {
		const lead = actorOf(world.lead);
		const [a, b] = await Promise.all([
			setFullTimeEquivalent(lead, world.caseworker.id, 100, 50),
			setFullTimeEquivalent(lead, world.caseworker.id, 100, 75)
		]);
		expect([a, b].filter((r) => 'ok' in r)).toHaveLength(1);
		expect([a, b].filter((r) => 'reason' in r)).toEqual([{ reason: 'form.changed_meanwhile' }]);
		expect(await setFullTimeEquivalent(actorOf(world.welfareLead), world.caseworker.id, 50, 100)).toEqual({
			reason: 'error.not_found'
		});
	});

	it("lets only the admin set an organisation's weeks without contact, conditionally", async () => {
		const admin = actorOf(world.admin);
		expect(await setContactGapWeeks(actorOf(world.lead), world.county.id, 6, 4)).toEqual({
			reason: 'error.not_found'
		});
		const [a, b] = await Promise.all([
			setContactGapWeeks(admin, world.county.id, 6, 4),
			setContactGapWeeks(admin, world.county.id, 6, 8)
		]);
		expect([a, b].filter((r) => 'ok' in r)).toHaveLength(1);
		const [org] = await db.select().from(organisations).where(eq(organisations.id, world.county.id));
		expect([4, 8]).toContain(org.contactGapWeeks);
	});
});
