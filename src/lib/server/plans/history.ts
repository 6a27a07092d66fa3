import { and, desc, eq } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import { db, type Tx } from '../db';
import { planHistory, users } from '../db/schema';
import { planChannel, publish } from '../live/bus';
import type { AccessTo, Actor } from '../policy';

export type PlanChangeKind =
	| 'goal.created'
	| 'goal.updated'
	| 'goal.status'
	| 'goal.moved'
	| 'goal.deleted'
	| 'goal.proposed'
	| 'goal.accepted'
	| 'goal.declined'
	| 'goal.commented'
	| 'step.created'
	| 'step.updated'
	| 'step.done'
	| 'step.undone'
	| 'step.deleted'
	| 'step.moved'
	| 'plan.reviewed'
	| 'version.proposed'
	| 'version.confirmed_by_participant'
	| 'version.confirmed_on_paper'
	| 'version.confirmed_by_caseworker'
	| 'version.agreed';

/**
 * Writes who changed what in the plan (the participant sees this history) and, when someone other than
 * the participant made the change, the audit entry — in the caller's transaction.
 */
export function recordPlanChange(
	tx: Tx,
	actor: Actor,
	participantId: string,
	change: PlanChangeKind,
	refs: { goalId?: string; stepId?: string; detail?: Record<string, unknown> } = {}
): void {
	tx.insert(planHistory)
		.values({
			participantId,
			actorId: actor.id,
			change,
			goalId: refs.goalId ?? null,
			stepId: refs.stepId ?? null,
			detail: refs.detail ?? null
		})
		.run();
	if (actor.participantId !== participantId) {
		recordAuditIn(tx, {
			actor,
			action: 'plan.changed',
			participantId,
			detail: { change, goalId: refs.goalId, stepId: refs.stepId }
		});
	}
	publish(planChannel(participantId), { type: 'change' });
}

export async function historyOf(access: AccessTo<'plan'>, goalId?: string, limit = 50) {
	const { participantId } = access;
	return db
		.select({
			id: planHistory.id,
			at: planHistory.at,
			change: planHistory.change,
			goalId: planHistory.goalId,
			actorName: users.displayName,
			actorRole: users.role,
			detail: planHistory.detail
		})
		.from(planHistory)
		.leftJoin(users, eq(planHistory.actorId, users.id))
		.where(
			goalId === undefined
				? eq(planHistory.participantId, participantId)
				: and(eq(planHistory.participantId, participantId), eq(planHistory.goalId, goalId))
		)
		.orderBy(desc(planHistory.id))
		.limit(limit);
}
