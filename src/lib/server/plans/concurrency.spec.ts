import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { planHistory } from '../db/schema';
import { actorOf, makeWorld } from '../testing/factories';
import { acceptProposal, createGoal, declineProposal, deleteGoal, proposeGoal } from './goals';

let world: Awaited<ReturnType<typeof makeWorld>>;
const caseworker = () => actorOf(world.caseworker);
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const pid = () => world.participant.id;

beforeEach(async () => {
	world = await makeWorld();
});

describe('a proposal is answered once', () => {
	it('accepted and declined at the same moment: one answer stands, the other writes no history', async () => {
		const proposed = await proposeGoal(
			self(),
			pid(),
			{ field: 'work', catalogueId: '', title: 'Praktikum', why: '', targetDate: '' },
			'ar'
		);
		if (!proposed.ok) throw new Error(proposed.reason);
		const results = await Promise.all([
			acceptProposal(caseworker(), pid(), proposed.id),
			declineProposal(caseworker(), pid(), proposed.id, 'Erst Sprachkurs')
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'stale' }]);
		const answers = (await db.select().from(planHistory).where(eq(planHistory.goalId, proposed.id)))
			.map((h) => h.change)
			.filter((a) => a === 'goal.accepted' || a === 'goal.declined');
		expect(answers).toEqual([results[0].ok ? 'goal.accepted' : 'goal.declined']);
	});
});

describe('a deletion sent twice', () => {
	it('removes the goal once and records it once', async () => {
		const made = await createGoal(
			caseworker(),
			pid(),
			{
				field: 'work',
				catalogueId: '',
				title: 'Bewerbung',
				why: '',
				targetDate: '',
				status: 'planned' as const,
				nextReviewDate: ''
			},
			'de'
		);
		if (!made.ok) throw new Error(made.reason);
		await Promise.all([deleteGoal(caseworker(), pid(), made.id), deleteGoal(caseworker(), pid(), made.id)]);
		const deletions = (await db.select().from(planHistory).where(eq(planHistory.goalId, made.id))).filter(
			(h) => h.change === 'goal.deleted'
		);
		expect(deletions).toHaveLength(1);
	});
});
