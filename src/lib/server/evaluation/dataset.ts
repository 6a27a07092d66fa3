import { randomBytes, randomInt } from 'node:crypto';
import { SUPPRESS_BELOW } from '$lib/casework';
import { dayInGermany } from '$lib/i18n/format';
import { addDays } from '../appointments/time';
import type { readAssessments, readContacts, readGoals, readPersons } from './read';

/** Every date of a person moves by the same random number of days within ±MAX_SHIFT_DAYS. */
export const MAX_SHIFT_DAYS = 30;
/** Towns with fewer people than this become one row "Andere Orte", so nobody is found by a small town. */
export const OTHER_TOWNS = 'Andere Orte';

type Persons = Awaited<ReturnType<typeof readPersons>>;
type Goals = Awaited<ReturnType<typeof readGoals>>;
type Contacts = Awaited<ReturnType<typeof readContacts>>;
type Assessments = Awaited<ReturnType<typeof readAssessments>>;

export type Dataset = {
	persons: Record<string, string | number | null>[];
	goals: Record<string, string | null>[];
	contacts: Record<string, string | number | null>[];
	assessments: Record<string, string | null>[];
	droppedFreeTextGoals: number;
	mergedTowns: string[];
};

function householdBand(size: number | undefined): string {
	if (size === undefined || size <= 1) return '1';
	if (size === 2) return '2';
	return size <= 4 ? '3–4' : '5+';
}

/** A pseudonym that says nothing about the person: random, new for every export. */
function pseudonyms(n: number): string[] {
	const made = new Set<string>();
	while (made.size < n) made.add(`P-${randomBytes(5).toString('hex')}`);
	return [...made];
}

/**
 * The rows the evaluators receive: no names, addresses, phones, e-mails, notes or free text are read in the first
 * place (read.ts); here ids become pseudonyms, birth dates years, every date moves by the person's offset, small
 * towns merge and free-text goals are left out (counted).
 */
export function buildDataset(
	people: Persons,
	households: Map<string, number>,
	goalRows: Goals,
	contactRows: Contacts,
	assessmentRows: Assessments
): Dataset {
	const names = pseudonyms(people.length);
	const byId = new Map(
		people.map((p, i) => [p.id, { p, pseudonym: names[i], offset: randomInt(-MAX_SHIFT_DAYS, MAX_SHIFT_DAYS + 1) }])
	);
	const byCase = new Map(people.map((p) => [p.caseId, byId.get(p.id)!]));
	const townCounts = new Map<string, number>();
	for (const p of people) townCounts.set(p.town, (townCounts.get(p.town) ?? 0) + 1);
	const mergedTowns = [...townCounts].filter(([, n]) => n < SUPPRESS_BELOW).map(([t]) => t);
	const shift = (day: string | null, offset: number) => (day === null ? null : addDays(day, offset));
	const shiftAt = (at: Date | null, offset: number) => (at === null ? null : addDays(dayInGermany(at), offset));

	const persons = [...byId.values()].map(({ p, pseudonym, offset }) => ({
		Pseudonym: pseudonym,
		Geburtsjahr: p.birthDate === null ? null : Number(p.birthDate.slice(0, 4)),
		Geschlecht: p.gender,
		Staatsangehörigkeit: p.nationality,
		Aufenthaltsstatus: p.residenceStatus,
		Ort: mergedTowns.includes(p.town) ? OTHER_TOWNS : p.town,
		Haushaltsgröße: householdBand(p.householdId === null ? undefined : households.get(p.householdId)),
		Fallstatus: p.status,
		Beginn: shift(p.periodStartsOn, offset),
		Abschluss: shiftAt(p.closedAt, offset),
		Abschlussgrund: p.closureReason
	}));

	const catalogueGoals = goalRows.filter((g) => g.catalogueId !== null);
	const goals = catalogueGoals.map((g) => {
		const who = byId.get(g.participantId)!;
		return {
			Pseudonym: who.pseudonym,
			Handlungsfeld: g.field,
			Katalogziel: g.catalogueId,
			Zieltext: g.text,
			Status: g.status,
			Angelegt: shiftAt(g.createdAt, who.offset),
			'Erreicht am':
				g.status === 'achieved' && g.achievedAt !== null ? shiftAt(new Date(g.achievedAt), who.offset) : null,
			'Stand vom': shiftAt(g.updatedAt, who.offset)
		};
	});

	const contacts = contactRows.map((c) => {
		const who = byId.get(c.participantId)!;
		return {
			Pseudonym: who.pseudonym,
			Datum: shiftAt(c.occurredAt, who.offset),
			Form: c.form,
			Art: c.kind,
			Minuten: c.minutes,
			Themen: c.topics ?? ''
		};
	});

	const assessments = assessmentRows.map(({ caseId, kind, ...items }) => ({
		Pseudonym: byCase.get(caseId)!.pseudonym,
		Zeitpunkt: kind,
		...items
	}));

	return {
		persons,
		goals,
		contacts,
		assessments,
		droppedFreeTextGoals: goalRows.length - catalogueGoals.length,
		mergedTowns
	};
}
