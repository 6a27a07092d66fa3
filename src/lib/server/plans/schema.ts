import * as v from 'valibot';
import { ASSIGNEES, FIELDS, GOAL_STATUSES } from '$lib/plan';
import { optionalText, requiredText } from '../forms';

const DAY = 24 * 60 * 60 * 1000;

/** A real calendar date, not decades away: plans look ahead months, not lifetimes. */
function isPlanDate(s: string): boolean {
	if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
	const date = new Date(`${s}T00:00:00Z`);
	if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(s)) return false;
	return date.getUTCFullYear() >= 2000 && date.getTime() <= Date.now() + 10 * 365 * DAY;
}

export const planDate = v.pipe(
	v.optional(v.string(), ''),
	v.trim(),
	v.check((s) => s === '' || isPlanDate(s), 'form.plan_date_invalid')
);
const requiredPlanDate = v.pipe(
	v.string('form.required'),
	v.trim(),
	v.nonEmpty('form.required'),
	v.check(isPlanDate, 'form.plan_date_invalid')
);
const version = v.pipe(
	v.string('form.changed_meanwhile'),
	v.transform(Number),
	v.integer('form.changed_meanwhile'),
	v.minValue(1, 'form.changed_meanwhile')
);

const goalEntries = {
	// Only needed for an own goal: a catalogue goal brings its field.
	field: v.optional(v.picklist(['', ...FIELDS], 'form.pick_option'), ''),
	catalogueId: v.pipe(v.optional(v.string(), ''), v.maxLength(64)),
	title: optionalText(200),
	why: optionalText(2000),
	targetDate: planDate
};

/** Either a catalogue goal or a free-text title. */
function titleOrCatalogue<T extends { catalogueId: string; title: string; field: string }>() {
	return v.rawCheck<T>(({ dataset, addIssue }) => {
		if (!dataset.typed || dataset.value.catalogueId !== '') return;
		const issueOn = (key: 'title' | 'field', message: string) =>
			addIssue({
				message,
				path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: dataset.value[key] }]
			});
		if (dataset.value.title === '') issueOn('title', 'plan.title_or_catalogue');
		if (dataset.value.field === '') issueOn('field', 'form.pick_option');
	});
}

export const newGoalSchema = v.pipe(
	v.object({
		...goalEntries,
		status: v.optional(v.picklist(GOAL_STATUSES, 'form.pick_option'), 'planned'),
		nextReviewDate: planDate
	}),
	titleOrCatalogue()
);
export const proposalSchema = v.pipe(v.object(goalEntries), titleOrCatalogue());
/** Every goal field is optional: a form sends the fields its author may edit, with the values it was loaded with. */
const maybe = <S extends v.GenericSchema<string, string>>(schema: S) => v.optional(schema);
export const editGoalSchema = v.object({
	title: maybe(v.pipe(v.string(), v.trim(), v.maxLength(200, 'form.too_long'))),
	why: maybe(v.pipe(v.string(), v.trim(), v.maxLength(2000, 'form.too_long'))),
	field: maybe(v.picklist(FIELDS, 'form.pick_option')),
	status: maybe(v.picklist(GOAL_STATUSES, 'form.pick_option')),
	targetDate: maybe(
		v.pipe(
			v.string(),
			v.trim(),
			v.check((s) => s === '' || isPlanDate(s), 'form.plan_date_invalid')
		)
	),
	nextReviewDate: maybe(
		v.pipe(
			v.string(),
			v.trim(),
			v.check((s) => s === '' || isPlanDate(s), 'form.plan_date_invalid')
		)
	),
	version
});
export const stepSchema = v.object({
	text: requiredText(500),
	assignee: v.picklist(ASSIGNEES, 'form.pick_option'),
	serviceName: optionalText(120),
	dueDate: planDate
});
export const editStepSchema = v.object({ ...stepSchema.entries, text: optionalText(500), version });
export const tickSchema = v.object({ done: v.picklist(['yes', 'no'], 'form.invalid'), version });
export const commentSchema = v.object({ text: requiredText(2000) });
export const declineSchema = v.object({ reason: requiredText(1000) });
export const statusSchema = v.object({ status: v.picklist(GOAL_STATUSES, 'form.pick_option'), version });
export const moveSchema = v.object({ direction: v.picklist(['up', 'down'], 'form.invalid') });
export const reviewDateSchema = v.object({ nextReviewDate: requiredPlanDate });

export type NewGoalInput = v.InferOutput<typeof newGoalSchema>;
export type ProposalInput = v.InferOutput<typeof proposalSchema>;
export type StepInput = v.InferOutput<typeof stepSchema>;
