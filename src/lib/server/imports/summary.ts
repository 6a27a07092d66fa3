import { PAGE_SIZE } from '../db/keyset';
import type { Check } from './run';

/**
 * What a dry run shows: counts, every refused row and every duplicate (what the lead has to act on), and the first
 * page of the people it would create (the rest are counted: an action's answer has no pages to follow).
 */
export function checkSummary(check: Check, formatDay: (isoDay: string) => string) {
	return {
		firstPeople: check.people.slice(0, PAGE_SIZE).map((p) => ({
			row: p.row,
			name: `${p.givenName} ${p.familyName}`.trim(),
			birthDate: p.birthDate === null ? '' : formatDay(p.birthDate),
			household: p.household,
			town: check.names.get(p.townId) ?? '',
			caseworker: p.caseworkerId === null ? null : (check.names.get(p.caseworkerId) ?? '')
		})),
		rows: check.rowCount,
		people: check.people.length,
		households: check.households,
		assignments: check.assignments,
		refusals: check.refusals,
		duplicates: check.duplicates
	};
}
export type CheckSummary = ReturnType<typeof checkSummary>;
