// The plan's vocabulary, shared by server and UI. Fields of action live here and only here; add one and
// give it a "field.<key>" text in every locale.
export const FIELDS = [
	'language',
	'education',
	'training',
	'work',
	'housing',
	'health',
	'family',
	'residence',
	'money',
	'social'
] as const;
export type Field = (typeof FIELDS)[number];

export const GOAL_STATUSES = ['planned', 'in_progress', 'achieved', 'paused', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Who does a step. A service is named in free text ("Jobcenter Ludwigsburg"). */
export const ASSIGNEES = ['participant', 'caseworker', 'volunteer', 'service'] as const;
export type Assignee = (typeof ASSIGNEES)[number];

/** A proposal by the participant waits for the caseworker; declined ones stay visible with the reason. */
export const PROPOSAL_STATES = ['none', 'proposed', 'declined'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
