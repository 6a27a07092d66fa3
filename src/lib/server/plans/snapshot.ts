import type { Locale } from '$lib/i18n/locales';
import type { Assignee, Field, GoalStatus } from '$lib/plan';

/** A text in a plan: from the catalogue (in every language) or free text, written in one language. */
export type PlanText =
	{ kind: 'catalogue'; texts: Partial<Record<Locale, string>> } | { kind: 'free'; text: string; locale: Locale | null };

export type PlanStep = {
	id: string;
	text: PlanText;
	assignee: Assignee;
	serviceName: string;
	dueDate: string | null;
	done: boolean;
};

export type PlanGoal = {
	id: string;
	field: Field;
	title: PlanText;
	why: string;
	whyLocale: Locale | null;
	status: GoalStatus;
	targetDate: string | null;
	steps: PlanStep[];
};

/** What both sides agree on: stored whole, so later edits and catalogue changes cannot alter it. */
export type PlanSnapshot = { goals: PlanGoal[]; nextReviewDate: string | null };

export type ShownText = { text: string; lang: Locale | null; writtenIn: Locale | null };

/** The reader's language for catalogue texts; free text as written, with the language it was written in. */
export function showText(value: PlanText, reader: Locale): ShownText {
	if (value.kind === 'free') return { text: value.text, lang: value.locale, writtenIn: value.locale };
	const text = value.texts[reader] ?? value.texts.de ?? Object.values(value.texts)[0] ?? '';
	return { text, lang: value.texts[reader] === undefined ? 'de' : reader, writtenIn: null };
}

function sameText(a: PlanText, b: PlanText): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

export type PlanChange =
	| { kind: 'goal_added' | 'goal_removed'; goalId: string; title: PlanText }
	| { kind: 'goal_changed'; goalId: string; title: PlanText; fields: ('title' | 'why' | 'status' | 'targetDate')[] }
	| {
			kind: 'step_added' | 'step_removed' | 'step_done' | 'step_undone' | 'step_changed';
			goalId: string;
			title: PlanText;
			step: PlanText;
	  }
	| { kind: 'review_date_changed'; from: string | null; to: string | null };

/** What changed from an agreed version to the plan as it is now. */
export function diffPlans(agreed: PlanSnapshot, current: PlanSnapshot): PlanChange[] {
	const changes: PlanChange[] = [];
	const before = new Map(agreed.goals.map((g) => [g.id, g]));
	const after = new Map(current.goals.map((g) => [g.id, g]));
	for (const goal of current.goals) {
		const old = before.get(goal.id);
		if (old === undefined) {
			changes.push({ kind: 'goal_added', goalId: goal.id, title: goal.title });
			continue;
		}
		const fields = (['title', 'why', 'status', 'targetDate'] as const).filter((f) =>
			f === 'title' ? !sameText(old.title, goal.title) : old[f] !== goal[f]
		);
		if (fields.length > 0) changes.push({ kind: 'goal_changed', goalId: goal.id, title: goal.title, fields });
		const oldSteps = new Map(old.steps.map((s) => [s.id, s]));
		const newSteps = new Set(goal.steps.map((s) => s.id));
		for (const step of goal.steps) {
			const was = oldSteps.get(step.id);
			const base = { goalId: goal.id, title: goal.title, step: step.text };
			if (was === undefined) changes.push({ kind: 'step_added', ...base });
			else if (was.done !== step.done) changes.push({ kind: step.done ? 'step_done' : 'step_undone', ...base });
			else if (
				!sameText(was.text, step.text) ||
				was.dueDate !== step.dueDate ||
				was.assignee !== step.assignee ||
				was.serviceName !== step.serviceName
			) {
				changes.push({ kind: 'step_changed', ...base });
			}
		}
		for (const step of old.steps) {
			if (!newSteps.has(step.id)) {
				changes.push({ kind: 'step_removed', goalId: goal.id, title: goal.title, step: step.text });
			}
		}
	}
	for (const goal of agreed.goals) {
		if (!after.has(goal.id)) changes.push({ kind: 'goal_removed', goalId: goal.id, title: goal.title });
	}
	if (agreed.nextReviewDate !== current.nextReviewDate) {
		changes.push({ kind: 'review_date_changed', from: agreed.nextReviewDate, to: current.nextReviewDate });
	}
	return changes;
}
