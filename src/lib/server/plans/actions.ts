import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireActor } from '../auth/guard';
import { formActionsOn, readFormData } from '../form-action';
import { formFailure, formValues } from '../forms';
import {
	acceptProposal,
	commentOnGoal,
	declineProposal,
	deleteGoal,
	GOAL_FIELDS,
	moveGoal,
	setGoalStatus,
	updateGoal,
	type WriteResult
} from './goals';
import {
	commentSchema,
	declineSchema,
	editGoalSchema,
	editStepSchema,
	moveSchema,
	statusSchema,
	stepSchema,
	tickSchema
} from './schema';
import { addStep, deleteStep, moveStep, setStepDone, STEP_FIELDS, updateStep } from './steps';
import { confirmAsCaseworker, confirmAsParticipant, proposeVersion, recordPaperConfirmation } from './versions';

type Event = RequestEvent<{ id: string }>;

const action = formActionsOn<Event>();

const id = v.pipe(v.string('form.invalid'), v.nonEmpty('form.invalid'), v.maxLength(64, 'form.invalid'));
const withGoal = <E extends v.ObjectEntries>(entries: E) => v.object({ goalId: id, ...entries });
const withStep = <E extends v.ObjectEntries>(entries: E) => v.object({ stepId: id, ...entries });

/** What a plan page may report after a form action; anything else in the address is ignored. */
const OUTCOMES = new Set([
	'step_done',
	'step_undone',
	'saved',
	'moved',
	'accepted',
	'declined',
	'commented',
	'deleted',
	'step_added',
	'step_deleted',
	'version_proposed',
	'agreed',
	'confirmed',
	'goal_added',
	'proposed',
	'reviewed',
	'merged'
]);

export function outcomeOf(url: URL): string | null {
	const done = url.searchParams.get('done');
	return done !== null && OUTCOMES.has(done) ? done : null;
}

/** Back to the page the form was on, to the goal it was about; the query says what happened. */
function back(event: Event, outcome: string, anchor?: string): never {
	redirect(303, `${event.url.pathname}?done=${outcome}${anchor ? `#goal-${anchor}` : ''}`);
}

function formFailureData(message: string, formData: FormData) {
	return { errors: {} as Record<string, string>, values: formValues(formData), message };
}

function refused(result: Exclude<WriteResult, { ok: true }>, formData: FormData) {
	if (result.reason === 'stale') return formFailure(409, 'form.changed_meanwhile', formData);
	if (result.reason === 'text_required') return formFailure(400, 'form.required', formData, { text: 'form.required' });
	return formFailure(400, `plan.${result.reason}`, formData);
}

/**
 * The plan's form actions, shared by every plan page: each authenticates, lets the plan domain decide
 * access (404 for anything not this actor's to touch), validates, writes in one transaction, redirects.
 */
export const planActions = {
	tick: action(withStep(tickSchema.entries), async ({ actor, input, formData, event }) => {
		const result = await setStepDone(actor, event.params.id, input.stepId, input.done === 'yes', input.version);
		if (!result.ok) return refused(result, formData);
		back(event, input.done === 'yes' ? 'step_done' : 'step_undone');
	}),
	status: action(withGoal(statusSchema.entries), async ({ actor, input, formData, event }) => {
		const result = await setGoalStatus(actor, event.params.id, input.goalId, input.status, input.version);
		if (!result.ok) return refused(result, formData);
		back(event, 'saved', input.goalId);
	}),
	move: action(withGoal(moveSchema.entries), async ({ actor, input, event }) => {
		await moveGoal(actor, event.params.id, input.goalId, input.direction);
		back(event, 'moved', input.goalId);
	}),
	accept: action(withGoal({}), async ({ actor, input, formData, event }) => {
		const result = await acceptProposal(actor, event.params.id, input.goalId);
		if (!result.ok) return refused(result, formData);
		back(event, 'accepted', input.goalId);
	}),
	decline: action(withGoal(declineSchema.entries), async ({ actor, input, formData, event }) => {
		const result = await declineProposal(actor, event.params.id, input.goalId, input.reason);
		if (!result.ok) return refused(result, formData);
		back(event, 'declined');
	}),
	comment: action(withGoal(commentSchema.entries), async ({ actor, input, event }) => {
		await commentOnGoal(actor, event.params.id, input.goalId, input.text);
		back(event, 'commented');
	}),
	updateGoal: action(withGoal(editGoalSchema.entries), async ({ actor, input, formData, event }) => {
		const { goalId, version, ...mine } = input;
		// The values the form was loaded with travel along, so a late save can be merged rather than refused.
		const base = Object.fromEntries(
			GOAL_FIELDS.map((f) => [f, formData.get(`base.${f}`)]).filter(([, value]) => typeof value === 'string')
		);
		const result = await updateGoal(actor, event.params.id, goalId, { version, base, mine }, event.locals.locale);
		if (result.ok) back(event, result.merged ? 'merged' : 'saved');
		if (result.reason === 'deleted') return formFailure(409, 'plan.goal_deleted_meanwhile', formData);
		return fail(409, {
			...formFailureData('plan.conflict', formData),
			conflicts: result.conflicts,
			current: result.values,
			currentBase: result.theirs,
			currentVersion: result.version
		});
	}),
	deleteGoal: action(withGoal({}), async ({ actor, input, event }) => {
		await deleteGoal(actor, event.params.id, input.goalId);
		redirect(303, `/participants/${event.params.id}/plan?done=deleted`);
	}),
	addStep: action(withGoal(stepSchema.entries), async ({ actor, input, event }) => {
		const { goalId, ...step } = input;
		await addStep(actor, event.params.id, goalId, step, event.locals.locale);
		back(event, 'step_added');
	}),
	updateStep: action(withStep(editStepSchema.entries), async ({ actor, input, formData, event }) => {
		const { stepId, version, ...mine } = input;
		const base = Object.fromEntries(
			STEP_FIELDS.map((f) => [f, formData.get(`base.${f}`)]).filter(([, value]) => typeof value === 'string')
		);
		const result = await updateStep(actor, event.params.id, stepId, { version, base, mine }, event.locals.locale);
		if (result.ok) back(event, result.merged ? 'merged' : 'saved');
		if (result.reason === 'text_required') {
			return formFailure(400, 'form.required', formData, { text: 'form.required' });
		}
		return fail(409, {
			...formFailureData('plan.conflict', formData),
			conflicts: result.conflicts,
			current: result.values,
			currentBase: result.theirs,
			currentVersion: result.version
		});
	}),
	moveStep: action(withStep(moveSchema.entries), async ({ actor, input, event }) => {
		await moveStep(actor, event.params.id, input.stepId, input.direction);
		back(event, 'moved');
	}),
	deleteStep: action(withStep({}), async ({ actor, input, event }) => {
		await deleteStep(actor, event.params.id, input.stepId);
		back(event, 'step_deleted');
	}),
	proposeVersion: async (event: Event) => {
		const actor = requireActor();
		const formData = await readFormData(event.request);
		const result = await proposeVersion(actor, event.params.id);
		if (!result.ok) return formFailure(400, 'plan.empty_plan', formData);
		back(event, 'version_proposed');
	},
	confirm: action(
		v.object({ versionId: id, as: v.picklist(['participant', 'caseworker'], 'form.invalid') }),
		async ({ actor, input, formData, event }) => {
			const confirm = input.as === 'participant' ? confirmAsParticipant : confirmAsCaseworker;
			const result = await confirm(actor, event.params.id, input.versionId);
			if (!result.ok) return formFailure(409, 'plan.already_confirmed', formData);
			back(event, result.agreed ? 'agreed' : 'confirmed');
		}
	),
	paper: action(
		v.object({
			versionId: id,
			note: v.pipe(v.string('form.required'), v.trim(), v.nonEmpty('form.required'), v.maxLength(1000, 'form.too_long'))
		}),
		async ({ actor, input, formData, event }) => {
			const result = await recordPaperConfirmation(actor, event.params.id, input.versionId, input.note);
			if (!result.ok) return formFailure(409, 'plan.already_confirmed', formData);
			back(event, result.agreed ? 'agreed' : 'confirmed');
		}
	)
};
