import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireActor } from '../auth/guard';
import { formFailure, formValues, parseForm } from '../forms';
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
	tick: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withStep(tickSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		const result = await setStepDone(
			actor,
			event.params.id,
			parsed.output.stepId,
			parsed.output.done === 'yes',
			parsed.output.version
		);
		if (!result.ok) return refused(result, formData);
		back(event, parsed.output.done === 'yes' ? 'step_done' : 'step_undone');
	},
	status: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withGoal(statusSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		const result = await setGoalStatus(
			actor,
			event.params.id,
			parsed.output.goalId,
			parsed.output.status,
			parsed.output.version
		);
		if (!result.ok) return refused(result, formData);
		back(event, 'saved', parsed.output.goalId);
	},
	move: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withGoal(moveSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		await moveGoal(actor, event.params.id, parsed.output.goalId, parsed.output.direction);
		back(event, 'moved', parsed.output.goalId);
	},
	accept: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withGoal({}), formData);
		if (!parsed.ok) return parsed.failure;
		const result = await acceptProposal(actor, event.params.id, parsed.output.goalId);
		if (!result.ok) return refused(result, formData);
		back(event, 'accepted', parsed.output.goalId);
	},
	decline: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withGoal(declineSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		const result = await declineProposal(actor, event.params.id, parsed.output.goalId, parsed.output.reason);
		if (!result.ok) return refused(result, formData);
		back(event, 'declined');
	},
	comment: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withGoal(commentSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		await commentOnGoal(actor, event.params.id, parsed.output.goalId, parsed.output.text);
		back(event, 'commented');
	},
	updateGoal: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withGoal(editGoalSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		const { goalId, version, ...mine } = parsed.output;
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
	},
	deleteGoal: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withGoal({}), formData);
		if (!parsed.ok) return parsed.failure;
		await deleteGoal(actor, event.params.id, parsed.output.goalId);
		redirect(303, `/participants/${event.params.id}/plan?done=deleted`);
	},
	addStep: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withGoal(stepSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		const { goalId, ...input } = parsed.output;
		await addStep(actor, event.params.id, goalId, input, event.locals.locale);
		back(event, 'step_added');
	},
	updateStep: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withStep(editStepSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		const { stepId, version, ...mine } = parsed.output;
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
	},
	moveStep: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withStep(moveSchema.entries), formData);
		if (!parsed.ok) return parsed.failure;
		await moveStep(actor, event.params.id, parsed.output.stepId, parsed.output.direction);
		back(event, 'moved');
	},
	deleteStep: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(withStep({}), formData);
		if (!parsed.ok) return parsed.failure;
		await deleteStep(actor, event.params.id, parsed.output.stepId);
		back(event, 'step_deleted');
	},
	proposeVersion: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const result = await proposeVersion(actor, event.params.id);
		if (!result.ok) return formFailure(400, 'plan.empty_plan', formData);
		back(event, 'version_proposed');
	},
	confirm: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(
			v.object({ versionId: id, as: v.picklist(['participant', 'caseworker'], 'form.invalid') }),
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const confirm = parsed.output.as === 'participant' ? confirmAsParticipant : confirmAsCaseworker;
		const result = await confirm(actor, event.params.id, parsed.output.versionId);
		if (!result.ok) return formFailure(409, 'plan.already_confirmed', formData);
		back(event, result.agreed ? 'agreed' : 'confirmed');
	},
	paper: async (event: Event) => {
		const actor = requireActor();
		const formData = await event.request.formData();
		const parsed = parseForm(
			v.object({
				versionId: id,
				note: v.pipe(
					v.string('form.required'),
					v.trim(),
					v.nonEmpty('form.required'),
					v.maxLength(1000, 'form.too_long')
				)
			}),
			formData
		);
		if (!parsed.ok) return parsed.failure;
		const result = await recordPaperConfirmation(actor, event.params.id, parsed.output.versionId, parsed.output.note);
		if (!result.ok) return formFailure(409, 'plan.already_confirmed', formData);
		back(event, result.agreed ? 'agreed' : 'confirmed');
	}
};
