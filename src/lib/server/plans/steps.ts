import { error } from '@sveltejs/kit';
import { and, asc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Locale } from '$lib/i18n/locales';
import { db, type Tx } from '../db';
import { goals, steps, type Step } from '../db/schema';
import { canTickStep, type Actor } from '../policy';
import { goalOf, type WriteResult } from './goals';
import { recordPlanChange } from './history';
import { openPlan } from './read';
import { mergeEdits, type Conflict } from './merge';
import type { StepInput } from './schema';

/** The step, if it belongs to a goal of this participant's plan; otherwise 404. */
async function stepOf(participantId: string, stepId: string): Promise<Step> {
	const [row] = await db
		.select({ step: steps })
		.from(steps)
		.innerJoin(goals, eq(steps.goalId, goals.id))
		.where(
			and(
				eq(steps.id, stepId),
				eq(goals.participantId, participantId),
				isNull(steps.deletedAt),
				isNull(goals.deletedAt)
			)
		);
	if (row === undefined) error(404, 'error.not_found');
	return row.step;
}

function bumpStep(tx: Tx, stepId: string, expectedVersion: number, set: Partial<Step>, actor: Actor): boolean {
	const result = tx
		.update(steps)
		.set({ ...set, version: sql`${steps.version} + 1`, updatedBy: actor.id, updatedAt: new Date() })
		.where(and(eq(steps.id, stepId), eq(steps.version, expectedVersion), isNull(steps.deletedAt)))
		.run();
	return result.changes === 1;
}

async function requireEdit(actor: Actor, participantId: string) {
	const access = await openPlan(actor, participantId);
	if (!access.editPlan) error(404, 'error.not_found');
	return access;
}

export async function addStep(
	actor: Actor,
	participantId: string,
	goalId: string,
	input: StepInput,
	writtenIn: Locale
): Promise<WriteResult> {
	const access = await requireEdit(actor, participantId);
	await goalOf(access, goalId);
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		const top = tx
			.select({ top: max(steps.position) })
			.from(steps)
			.where(eq(steps.goalId, goalId))
			.get();
		tx.insert(steps)
			.values({
				id,
				goalId,
				text: input.text,
				textLocale: writtenIn,
				assignee: input.assignee,
				serviceName: input.assignee === 'service' ? input.serviceName : '',
				dueDate: input.dueDate || null,
				position: (top?.top ?? -1) + 1,
				createdBy: actor.id,
				updatedBy: actor.id
			})
			.run();
		recordPlanChange(tx, actor, participantId, 'step.created', { goalId, stepId: id });
	});
	return { ok: true, id };
}

export const STEP_FIELDS = ['text', 'assignee', 'serviceName', 'dueDate'] as const;
export type StepField = (typeof STEP_FIELDS)[number];
export type StepValues = Record<StepField, string>;

/** A step as its edit form shows it; an empty text means "the catalogue's wording, in every language". */
export function stepValues(step: Step): StepValues {
	return {
		text: step.catalogueId === null ? step.text : '',
		assignee: step.assignee,
		serviceName: step.serviceName,
		dueDate: step.dueDate ?? ''
	};
}

export type StepUpdateResult =
	| { ok: true; id: string; merged: boolean }
	| { ok: false; reason: 'text_required' }
	| {
			ok: false;
			reason: 'conflict';
			conflicts: Conflict<StepField>[];
			values: StepValues;
			theirs: StepValues;
			version: number;
	  };

/** As for goals: a late save merges field by field; a field changed on both sides is offered with both values. */
export async function updateStep(
	actor: Actor,
	participantId: string,
	stepId: string,
	edit: { version: number; base: Partial<StepValues>; mine: StepValues },
	writtenIn: Locale
): Promise<StepUpdateResult> {
	await requireEdit(actor, participantId);
	const step = await stepOf(participantId, stepId);
	const theirs = stepValues(step);
	const base = edit.version === step.version ? theirs : { ...theirs, ...edit.base };
	const result = mergeEdits(STEP_FIELDS, base, theirs, edit.mine);
	if (result.kind === 'conflict') {
		return {
			ok: false,
			reason: 'conflict',
			conflicts: result.conflicts,
			values: result.values,
			theirs,
			version: step.version
		};
	}
	const v = result.values;
	if (v.text === '' && step.catalogueId === null) return { ok: false, reason: 'text_required' };
	if (result.changedByMe.length === 0) return { ok: true, id: stepId, merged: edit.version !== step.version };
	const set: Partial<Step> = {
		assignee: v.assignee as Step['assignee'],
		serviceName: v.assignee === 'service' ? v.serviceName : '',
		dueDate: v.dueDate || null
	};
	// A catalogue step keeps its translations unless someone rewrites it in their own words.
	if (result.changedByMe.includes('text') && v.text !== '') {
		Object.assign(set, { text: v.text, textLocale: writtenIn, catalogueId: null });
	}
	const saved = db.transaction((tx) => {
		if (!bumpStep(tx, stepId, step.version, set, actor)) return false;
		recordPlanChange(tx, actor, participantId, 'step.updated', { goalId: step.goalId, stepId });
		return true;
	});
	if (!saved) return updateStep(actor, participantId, stepId, edit, writtenIn);
	return { ok: true, id: stepId, merged: edit.version !== step.version };
}

/** Ticks a step done or not done; the participant may do this for their own steps. */
export async function setStepDone(
	actor: Actor,
	participantId: string,
	stepId: string,
	done: boolean,
	version: number
): Promise<WriteResult> {
	const access = await openPlan(actor, participantId);
	const step = await stepOf(participantId, stepId);
	if (!canTickStep(access, step.assignee)) error(404, 'error.not_found');
	if (step.done === done) return { ok: true, id: stepId };
	const changed = db.transaction((tx) => {
		if (!bumpStep(tx, stepId, version, { done }, actor)) return false;
		recordPlanChange(tx, actor, participantId, done ? 'step.done' : 'step.undone', { goalId: step.goalId, stepId });
		return true;
	});
	return changed ? { ok: true, id: stepId } : { ok: false, reason: 'stale' };
}

export async function deleteStep(actor: Actor, participantId: string, stepId: string): Promise<void> {
	await requireEdit(actor, participantId);
	const step = await stepOf(participantId, stepId);
	db.transaction((tx) => {
		// Deleted twice at once (a double tap): the step is gone either way, but only one deletion is recorded.
		const deleted = tx
			.update(steps)
			.set({ deletedAt: new Date(), updatedBy: actor.id, version: sql`${steps.version} + 1` })
			.where(and(eq(steps.id, stepId), isNull(steps.deletedAt)))
			.run();
		if (deleted.changes !== 1) return;
		recordPlanChange(tx, actor, participantId, 'step.deleted', { goalId: step.goalId, stepId });
	});
}

/** Moves a step one place up or down within its goal. */
export async function moveStep(
	actor: Actor,
	participantId: string,
	stepId: string,
	direction: 'up' | 'down'
): Promise<void> {
	await requireEdit(actor, participantId);
	const step = await stepOf(participantId, stepId);
	db.transaction((tx) => {
		const ordered = tx
			.select({ id: steps.id, position: steps.position })
			.from(steps)
			.where(and(eq(steps.goalId, step.goalId), isNull(steps.deletedAt)))
			.orderBy(asc(steps.position), asc(steps.createdAt))
			.all();
		const index = ordered.findIndex((s) => s.id === stepId);
		const target = direction === 'up' ? index - 1 : index + 1;
		if (index < 0 || target < 0 || target >= ordered.length) return;
		// Positions may repeat (catalogue steps start at 0 for every goal), so renumber the whole goal.
		[ordered[index], ordered[target]] = [ordered[target], ordered[index]];
		ordered.forEach((s, position) => tx.update(steps).set({ position }).where(eq(steps.id, s.id)).run());
		recordPlanChange(tx, actor, participantId, 'step.moved', { goalId: step.goalId, stepId });
	});
}
