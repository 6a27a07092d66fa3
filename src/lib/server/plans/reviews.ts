import { error } from '@sveltejs/kit';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { GOAL_STATUSES, type GoalStatus } from '$lib/plan';
import { db } from '../db';
import { goals, planReviewOutcomes, planReviews, plans } from '../db/schema';
import type { Actor } from '../policy';
import { ensurePlan } from './goals';
import { recordPlanChange } from './history';
import { openPlan } from './read';

export type ReviewInput = {
	nextReviewDate: string;
	note: string;
	outcomes: { goalId: string; status: GoalStatus; note: string }[];
};

/** Reads review form fields named "status.<goalId>" and "note.<goalId>". */
export function reviewOutcomesFrom(formData: FormData, goalIds: string[]): ReviewInput['outcomes'] | null {
	const outcomes: ReviewInput['outcomes'] = [];
	for (const goalId of goalIds) {
		const status = formData.get(`status.${goalId}`);
		const note = String(formData.get(`note.${goalId}`) ?? '').trim();
		if (typeof status !== 'string' || !(GOAL_STATUSES as readonly string[]).includes(status) || note.length > 1000) {
			return null;
		}
		outcomes.push({ goalId, status: status as GoalStatus, note });
	}
	return outcomes;
}

/**
 * A review: an outcome for every goal (its status from now on, and a note), and the date of the next
 * review. All of it lands together or not at all.
 */
export async function recordReview(actor: Actor, participantId: string, input: ReviewInput): Promise<string> {
	const access = await openPlan(actor, participantId);
	if (!access.editPlan) error(404, 'error.not_found');
	const current = await db
		.select()
		.from(goals)
		.where(and(eq(goals.participantId, participantId), isNull(goals.deletedAt), eq(goals.proposal, 'none')));
	const byId = new Map(current.map((g) => [g.id, g]));
	if (input.outcomes.some((o) => !byId.has(o.goalId))) error(404, 'error.not_found');
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		ensurePlan(tx, participantId);
		tx.insert(planReviews)
			.values({ id, participantId, heldBy: actor.id, nextReviewDate: input.nextReviewDate, note: input.note })
			.run();
		for (const outcome of input.outcomes) {
			const goal = byId.get(outcome.goalId)!;
			tx.insert(planReviewOutcomes)
				.values({
					reviewId: id,
					goalId: goal.id,
					statusBefore: goal.status,
					statusAfter: outcome.status,
					note: outcome.note
				})
				.run();
			if (goal.status !== outcome.status) {
				tx.update(goals)
					.set({
						status: outcome.status,
						version: sql`${goals.version} + 1`,
						updatedBy: actor.id,
						updatedAt: new Date()
					})
					.where(eq(goals.id, goal.id))
					.run();
				recordPlanChange(tx, actor, participantId, 'goal.status', {
					goalId: goal.id,
					detail: { from: goal.status, to: outcome.status, reviewId: id }
				});
			}
		}
		tx.update(plans).set({ nextReviewDate: input.nextReviewDate }).where(eq(plans.participantId, participantId)).run();
		recordPlanChange(tx, actor, participantId, 'plan.reviewed', {
			detail: { reviewId: id, nextReviewDate: input.nextReviewDate }
		});
	});
	return id;
}
