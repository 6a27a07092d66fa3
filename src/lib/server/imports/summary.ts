import type { Check } from './run';

/** What a dry run shows: counts, every refused row and every duplicate; the people themselves stay on the server. */
export function checkSummary(check: Check) {
	return {
		rows: check.rowCount,
		people: check.people.length,
		households: check.households,
		assignments: check.assignments,
		refusals: check.refusals,
		duplicates: check.duplicates
	};
}
export type CheckSummary = ReturnType<typeof checkSummary>;
