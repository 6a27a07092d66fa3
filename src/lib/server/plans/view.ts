import { dayInGermany, formatDate } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { FIELDS } from '$lib/plan';
import type { LiveGoal } from './read';
import { showText, type PlanChange, type PlanStep, type ShownText } from './snapshot';

export type DateView = { iso: string; label: string; overdue: boolean };

/** Dates are formatted here, on the server: Chromium has no Tigrinya calendar data. */
export function dateView(iso: string | null, locale: Locale, pastIsOverdue = false): DateView | null {
	if (iso === null) return null;
	return { iso, label: formatDate(locale, iso), overdue: pastIsOverdue && iso < dayInGermany() };
}

export function stepViews(steps: (PlanStep & { version?: number })[], locale: Locale) {
	return steps.map((s) => ({
		id: s.id,
		text: showText(s.text, locale),
		assignee: s.assignee,
		serviceName: s.serviceName,
		due: dateView(s.dueDate, locale, !s.done),
		done: s.done,
		version: s.version ?? 0
	}));
}

export function goalView(goal: LiveGoal, locale: Locale) {
	return {
		id: goal.id,
		field: goal.field,
		title: showText(goal.title, locale),
		isCatalogue: goal.title.kind === 'catalogue',
		why: goal.why,
		whyLang: goal.whyLocale,
		status: goal.status,
		target: dateView(goal.targetDate, locale, goal.status === 'planned' || goal.status === 'in_progress'),
		nextReview: dateView(goal.nextReviewDate, locale, true),
		version: goal.version,
		proposal: goal.proposal,
		declineReason: goal.declineReason,
		commentCount: goal.commentCount,
		steps: stepViews(goal.steps, locale)
	};
}
export type GoalView = ReturnType<typeof goalView>;

/** Goals by field of action, in the fixed order of fields; only fields that have goals. */
export function byField<T extends { field: string }>(goals: T[]) {
	return FIELDS.map((field) => ({ field, goals: goals.filter((g) => g.field === field) })).filter(
		(group) => group.goals.length > 0
	);
}

/** The open steps that are due soonest, across the whole plan: what to do next. */
export function nextSteps(goals: GoalView[], limit = 5) {
	return goals
		.filter((g) => g.proposal === 'none' && (g.status === 'planned' || g.status === 'in_progress'))
		.flatMap((g) => g.steps.filter((s) => !s.done).map((s) => ({ ...s, goalId: g.id, goalTitle: g.title })))
		.sort((a, b) => (a.due?.iso ?? '9999').localeCompare(b.due?.iso ?? '9999'))
		.slice(0, limit);
}

export type ChangeView = {
	kind: PlanChange['kind'];
	goal: ShownText | null;
	step: ShownText | null;
	fields: string[];
	from: string | null;
	to: string | null;
};

export function changeViews(changes: PlanChange[], locale: Locale): ChangeView[] {
	return changes.map((c) => {
		if (c.kind === 'review_date_changed') {
			return {
				kind: c.kind,
				goal: null,
				step: null,
				fields: [],
				from: dateView(c.from, locale)?.label ?? null,
				to: dateView(c.to, locale)?.label ?? null
			};
		}
		return {
			kind: c.kind,
			goal: showText(c.title, locale),
			step: 'step' in c ? showText(c.step, locale) : null,
			fields: c.kind === 'goal_changed' ? c.fields : [],
			from: null,
			to: null
		};
	});
}
