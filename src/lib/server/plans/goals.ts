import { error } from '@sveltejs/kit';
import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import type { Field, GoalStatus } from '$lib/plan';
import { db, type Tx } from '../db';
import { goalComments, goals, plans, steps, users, type Goal } from '../db/schema';
import type { AccessTo, Actor, PlanAccess } from '../policy';
import { findCatalogueGoal } from './catalogue';
import { recordPlanChange } from './history';
import { openPlan } from './read';
import { mergeEdits, type Conflict } from './merge';
import type { NewGoalInput, ProposalInput } from './schema';

export type WriteResult =
	{ ok: true; id: string } | { ok: false; reason: 'stale' | 'catalogue_unknown' | 'not_a_proposal' | 'text_required' };

/** The goal, if it belongs to this participant's plan; anything else is "not found", never someone else's goal. */
export async function goalOf(access: AccessTo<'plan'>, goalId: string): Promise<Goal> {
	const [goal] = await db
		.select()
		.from(goals)
		.where(and(eq(goals.id, goalId), eq(goals.participantId, access.participantId), isNull(goals.deletedAt)));
	if (goal === undefined) error(404, 'error.not_found');
	return goal;
}

async function requireEdit(actor: Actor, participantId: string): Promise<PlanAccess> {
	const access = await openPlan(actor, participantId);
	if (!access.editPlan) error(404, 'error.not_found');
	return access;
}

export function ensurePlan(tx: Tx, participantId: string) {
	tx.insert(plans).values({ participantId }).onConflictDoNothing().run();
	tx.update(plans).set({ updatedAt: new Date() }).where(eq(plans.participantId, participantId)).run();
}

function nextPosition(tx: Tx, participantId: string): number {
	const row = tx
		.select({ top: max(goals.position) })
		.from(goals)
		.where(eq(goals.participantId, participantId))
		.get();
	return (row?.top ?? 0) + 1;
}

async function insertGoal(
	actor: Actor,
	participantId: string,
	input: ProposalInput & { status?: GoalStatus; nextReviewDate?: string },
	writtenIn: Locale,
	proposal: Goal['proposal']
): Promise<WriteResult> {
	const catalogue = input.catalogueId === '' ? null : await findCatalogueGoal(input.catalogueId);
	if (input.catalogueId !== '' && catalogue === null) return { ok: false, reason: 'catalogue_unknown' };
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		ensurePlan(tx, participantId);
		tx.insert(goals)
			.values({
				id,
				participantId,
				field: catalogue?.field ?? (input.field as Field),
				catalogueId: catalogue?.id ?? null,
				title: catalogue === null ? input.title : '',
				titleLocale: catalogue === null ? writtenIn : null,
				why: input.why,
				whyLocale: input.why === '' ? null : writtenIn,
				status: input.status ?? 'planned',
				targetDate: input.targetDate || null,
				nextReviewDate: input.nextReviewDate || null,
				position: nextPosition(tx, participantId),
				proposal,
				createdBy: actor.id,
				updatedBy: actor.id
			})
			.run();
		// A catalogue goal brings its usual steps; the participant does them unless someone changes that.
		catalogue?.steps.forEach((step, position) => {
			tx.insert(steps)
				.values({
					id: crypto.randomUUID(),
					goalId: id,
					catalogueId: step.id,
					assignee: 'participant',
					position,
					createdBy: actor.id,
					updatedBy: actor.id
				})
				.run();
		});
		recordPlanChange(tx, actor, participantId, proposal === 'proposed' ? 'goal.proposed' : 'goal.created', {
			goalId: id
		});
	});
	return { ok: true, id };
}

export async function createGoal(
	actor: Actor,
	participantId: string,
	input: NewGoalInput,
	writtenIn: Locale
): Promise<WriteResult> {
	await requireEdit(actor, participantId);
	return insertGoal(actor, participantId, input, writtenIn, 'none');
}

/** The participant suggests a goal; it stays a proposal until the caseworker accepts or declines it. */
export async function proposeGoal(
	actor: Actor,
	participantId: string,
	input: ProposalInput,
	writtenIn: Locale
): Promise<WriteResult> {
	const access = await openPlan(actor, participantId);
	if (!access.proposeGoals) error(404, 'error.not_found');
	return insertGoal(actor, participantId, input, writtenIn, 'proposed');
}

/** Writes only if nobody changed the goal since the form was loaded; otherwise nothing changes. */
function bumpGoal(tx: Tx, goalId: string, expectedVersion: number, set: Partial<Goal>, actor: Actor): boolean {
	const result = tx
		.update(goals)
		.set({ ...set, version: sql`${goals.version} + 1`, updatedBy: actor.id, updatedAt: new Date() })
		.where(and(eq(goals.id, goalId), eq(goals.version, expectedVersion), isNull(goals.deletedAt)))
		.run();
	return result.changes === 1;
}

export const GOAL_FIELDS = ['title', 'why', 'field', 'status', 'targetDate', 'nextReviewDate'] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];
export type GoalValues = Record<GoalField, string>;

export type UpdateResult =
	| { ok: true; id: string; merged: boolean }
	| { ok: false; reason: 'deleted' }
	| {
			ok: false;
			reason: 'conflict';
			conflicts: Conflict<GoalField>[];
			values: GoalValues;
			theirs: GoalValues;
			version: number;
	  };

/** A goal as the plain strings its edit form shows. */
export function goalValues(goal: Goal): GoalValues {
	return {
		title: goal.catalogueId === null ? goal.title : '',
		why: goal.why,
		field: goal.field,
		status: goal.status,
		targetDate: goal.targetDate ?? '',
		nextReviewDate: goal.nextReviewDate ?? ''
	};
}

/**
 * Saves an edit made on a form loaded at `version` with the values `base`. If someone saved meanwhile, the
 * two edits merge field by field; a field both changed comes back as a conflict with both values, and
 * nothing is written until the person chooses. The participant edits only "why", in their own words.
 */
export async function updateGoal(
	actor: Actor,
	participantId: string,
	goalId: string,
	edit: { version: number; base: Partial<GoalValues>; mine: Partial<GoalValues> },
	writtenIn: Locale
): Promise<UpdateResult> {
	const access = await openPlan(actor, participantId);
	const editable: readonly GoalField[] = access.editPlan ? GOAL_FIELDS : access.editOwnWords ? ['why'] : [];
	if (editable.length === 0) error(404, 'error.not_found');
	const [goal] = await db
		.select()
		.from(goals)
		.where(and(eq(goals.id, goalId), eq(goals.participantId, participantId)));
	if (goal === undefined) error(404, 'error.not_found');
	if (goal.deletedAt !== null) return { ok: false, reason: 'deleted' };
	const theirs = goalValues(goal);
	const fields = editable.filter((f) => edit.mine[f] !== undefined);
	const pick = (source: Partial<GoalValues>) =>
		Object.fromEntries(fields.map((f) => [f, source[f] ?? theirs[f]])) as GoalValues;
	const base = edit.version === goal.version ? pick(theirs) : pick(edit.base);
	const result = mergeEdits(fields, base, pick(theirs), pick(edit.mine));
	if (result.kind === 'conflict') {
		return {
			ok: false,
			reason: 'conflict',
			conflicts: result.conflicts,
			values: { ...theirs, ...result.values },
			theirs,
			version: goal.version
		};
	}
	if (result.changedByMe.length === 0) return { ok: true, id: goalId, merged: edit.version !== goal.version };
	const v = result.values;
	const set: Partial<Goal> = {};
	for (const f of result.changedByMe) {
		if (f === 'why') Object.assign(set, { why: v.why, whyLocale: v.why === '' ? null : writtenIn });
		if (f === 'title' && goal.catalogueId === null && v.title !== '') {
			Object.assign(set, { title: v.title, titleLocale: writtenIn });
		}
		if (f === 'field') set.field = v.field as Goal['field'];
		if (f === 'status') set.status = v.status as GoalStatus;
		if (f === 'targetDate') set.targetDate = v.targetDate || null;
		if (f === 'nextReviewDate') set.nextReviewDate = v.nextReviewDate || null;
	}
	const saved = db.transaction((tx) => {
		// Written against the version just read: if a third save slipped in, nothing is written and the form asks again.
		if (!bumpGoal(tx, goalId, goal.version, set, actor)) return false;
		// A status change says from and to, so the key figures can tell a goal's status on any past day (K5).
		recordPlanChange(tx, actor, participantId, set.status !== undefined ? 'goal.status' : 'goal.updated', {
			goalId,
			detail:
				set.status !== undefined
					? { fields: result.changedByMe, from: goal.status, to: set.status }
					: { fields: result.changedByMe }
		});
		return true;
	});
	if (!saved) return updateGoal(actor, participantId, goalId, edit, writtenIn);
	return { ok: true, id: goalId, merged: edit.version !== goal.version };
}

export async function setGoalStatus(
	actor: Actor,
	participantId: string,
	goalId: string,
	status: GoalStatus,
	version: number
): Promise<WriteResult> {
	const access = await requireEdit(actor, participantId);
	const goal = await goalOf(access, goalId);
	const changed = db.transaction((tx) => {
		if (!bumpGoal(tx, goalId, version, { status }, actor)) return false;
		recordPlanChange(tx, actor, participantId, 'goal.status', { goalId, detail: { from: goal.status, to: status } });
		return true;
	});
	return changed ? { ok: true, id: goalId } : { ok: false, reason: 'stale' };
}

/** Swaps a goal with its neighbour; order is the caseworker's and participant's shared priority. */
export async function moveGoal(
	actor: Actor,
	participantId: string,
	goalId: string,
	direction: 'up' | 'down'
): Promise<void> {
	const access = await requireEdit(actor, participantId);
	const goal = await goalOf(access, goalId);
	db.transaction((tx) => {
		// Goals are shown by field of action, so a goal moves among the goals of its own field.
		const ordered = tx
			.select({ id: goals.id, position: goals.position })
			.from(goals)
			.where(and(eq(goals.participantId, participantId), eq(goals.field, goal.field), isNull(goals.deletedAt)))
			.orderBy(asc(goals.position), asc(goals.createdAt))
			.all();
		const index = ordered.findIndex((g) => g.id === goalId);
		const target = direction === 'up' ? index - 1 : index + 1;
		if (index < 0 || target < 0 || target >= ordered.length) return;
		const slots = ordered.map((g) => g.position);
		[ordered[index], ordered[target]] = [ordered[target], ordered[index]];
		ordered.forEach((g, i) => tx.update(goals).set({ position: slots[i] }).where(eq(goals.id, g.id)).run());
		recordPlanChange(tx, actor, participantId, 'goal.moved', { goalId, detail: { direction } });
	});
}

export async function deleteGoal(actor: Actor, participantId: string, goalId: string): Promise<void> {
	const access = await requireEdit(actor, participantId);
	await goalOf(access, goalId);
	db.transaction((tx) => {
		// Deleted twice at once (a double tap): the goal is gone either way, but only one deletion is recorded.
		const deleted = tx
			.update(goals)
			.set({ deletedAt: new Date(), updatedBy: actor.id, version: sql`${goals.version} + 1` })
			.where(and(eq(goals.id, goalId), isNull(goals.deletedAt)))
			.run();
		if (deleted.changes !== 1) return;
		recordPlanChange(tx, actor, participantId, 'goal.deleted', { goalId });
	});
}

export async function acceptProposal(actor: Actor, participantId: string, goalId: string): Promise<WriteResult> {
	const access = await requireEdit(actor, participantId);
	const goal = await goalOf(access, goalId);
	if (goal.proposal === 'none') return { ok: false, reason: 'not_a_proposal' };
	// Accepted and declined at once: only the first finds the version it read, the other writes no history.
	const changed = db.transaction((tx) => {
		if (!bumpGoal(tx, goalId, goal.version, { proposal: 'none', declineReason: '' }, actor)) return false;
		recordPlanChange(tx, actor, participantId, 'goal.accepted', { goalId });
		return true;
	});
	return changed ? { ok: true, id: goalId } : { ok: false, reason: 'stale' };
}

export async function declineProposal(
	actor: Actor,
	participantId: string,
	goalId: string,
	reason: string
): Promise<WriteResult> {
	const access = await requireEdit(actor, participantId);
	const goal = await goalOf(access, goalId);
	if (goal.proposal !== 'proposed') return { ok: false, reason: 'not_a_proposal' };
	const changed = db.transaction((tx) => {
		if (!bumpGoal(tx, goalId, goal.version, { proposal: 'declined', declineReason: reason }, actor)) return false;
		recordPlanChange(tx, actor, participantId, 'goal.declined', { goalId, detail: { reason } });
		return true;
	});
	return changed ? { ok: true, id: goalId } : { ok: false, reason: 'stale' };
}

/** A comment or question on a goal, by the participant or staff; kept with author and time. */
export async function commentOnGoal(actor: Actor, participantId: string, goalId: string, text: string): Promise<void> {
	const access = await openPlan(actor, participantId);
	if (!access.comment) error(404, 'error.not_found');
	await goalOf(access, goalId);
	db.transaction((tx) => {
		tx.insert(goalComments).values({ id: crypto.randomUUID(), goalId, authorId: actor.id, text }).run();
		recordPlanChange(tx, actor, participantId, 'goal.commented', { goalId });
	});
}

export async function commentsOf(access: AccessTo<'plan'>, goalId: string) {
	return db
		.select({
			id: goalComments.id,
			text: goalComments.text,
			createdAt: goalComments.createdAt,
			authorName: users.displayName,
			authorRole: users.role
		})
		.from(goalComments)
		.innerJoin(users, eq(goalComments.authorId, users.id))
		.innerJoin(goals, eq(goalComments.goalId, goals.id))
		.where(and(eq(goalComments.goalId, goalId), eq(goals.participantId, access.participantId)))
		.orderBy(asc(goalComments.createdAt));
}
