import { dayInGermany } from '$lib/i18n/format';
import { recordAudit } from '../audit';
import { berlinWallTime } from '../appointments/time';
import type { Actor, EvaluationScope } from '../policy';
import { buildDataset } from './dataset';
import { readAssessments, readContacts, readGoals, readHouseholdSizes, readPersons, type Span } from './read';
import { writeEvaluationWorkbook } from './xlsx';

/** The programme began in 2017; years after the current one hold nothing. */
export const FIRST_YEAR = 2017;

/** The years the form offers, newest first. */
export function offeredYears(now = new Date()): number[] {
	const last = Number(dayInGermany(now).slice(0, 4));
	return Array.from({ length: last - FIRST_YEAR + 1 }, (_, i) => last - i);
}

export function yearSpan(year: number): Span {
	const at = (day: string) => {
		const t = berlinWallTime(day, '00:00');
		if (!t.ok) throw new Error(`no midnight on ${day}`);
		return t.at;
	};
	return { from: `${year}-01-01`, to: `${year}-12-31`, fromAt: at(`${year}-01-01`), toAt: at(`${year + 1}-01-01`) };
}

/**
 * The anonymised dataset of a scope and year as an XLSX file. The scope comes from the policy module
 * (evaluationScopeOf); every export is audited with who, which scope, which year and how many rows left.
 */
export async function exportEvaluation(actor: Actor, scope: EvaluationScope, year: number): Promise<Buffer> {
	const span = yearSpan(year);
	const people = await readPersons(scope, span);
	const ids = people.map((p) => p.id);
	const households = await readHouseholdSizes([...new Set(people.flatMap((p) => p.householdId ?? []))]);
	const data = buildDataset(
		people,
		households,
		await readGoals(ids),
		await readContacts(ids, span),
		await readAssessments(people.map((p) => p.caseId))
	);
	const file = await writeEvaluationWorkbook(data, `${span.from} – ${span.to}`);
	await recordAudit({
		actor,
		action: 'evaluation.exported',
		detail: {
			scope,
			year,
			persons: data.persons.length,
			goals: data.goals.length,
			contacts: data.contacts.length,
			assessments: data.assessments.length,
			droppedFreeTextGoals: data.droppedFreeTextGoals
		}
	});
	return file;
}
