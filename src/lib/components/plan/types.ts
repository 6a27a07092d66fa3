import type { GoalView } from '$lib/server/plans/view';

export type { GoalView };
export type StepView = GoalView['steps'][number];
