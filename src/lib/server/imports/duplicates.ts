import { and, eq, inArray, isNull } from 'drizzle-orm';
import { distance } from 'fastest-levenshtein';
import type { Tx } from '../db';
import { participants } from '../db/schema';
import type { ImportPerson } from './rows';

/** At least this alike (1 = the same) with the same birth date is taken to be the same person. */
export const NAME_SIMILARITY = 0.85;

/** Case, diacritics and the order of given and family name do not tell two people apart. */
export function normaliseName(givenName: string, familyName: string): string {
	return `${givenName} ${familyName}`
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.split(/[\s,-]+/)
		.filter((w) => w !== '')
		.sort()
		.join(' ');
}

export function nameSimilarity(a: string, b: string): number {
	const longest = Math.max(a.length, b.length);
	return longest === 0 ? 1 : 1 - distance(a, b) / longest;
}

/** A row that is a person already known: in Tandem (`existingId`) or on an earlier row of the same sheet. */
export type Duplicate = { row: number; name: string; existingId: string | null; sameAsRow: number | null };

type Known = { key: string; existingId: string | null; row: number | null };

const CHUNK = 500;

/**
 * Splits the sheet's people into new ones and duplicates. Compared only within the same birth date (read from the
 * organisation's index on birth date), so the work grows with the sheet, not with the installation.
 */
export function separateDuplicatesIn(
	tx: Tx,
	organisationId: string,
	people: ImportPerson[]
): { fresh: ImportPerson[]; duplicates: Duplicate[] } {
	const byBirth = new Map<string, Known[]>();
	const add = (birth: string | null, known: Known) => {
		const key = birth ?? '';
		const list = byBirth.get(key);
		if (list === undefined) byBirth.set(key, [known]);
		else list.push(known);
	};
	for (const row of existingPeople(tx, organisationId, people)) {
		add(row.birthDate, { key: normaliseName(row.givenName, row.familyName), existingId: row.id, row: null });
	}
	const fresh: ImportPerson[] = [];
	const duplicates: Duplicate[] = [];
	for (const person of people) {
		const key = normaliseName(person.givenName, person.familyName);
		const match = (byBirth.get(person.birthDate ?? '') ?? []).find(
			(k) => k.key === key || nameSimilarity(k.key, key) >= NAME_SIMILARITY
		);
		const name = `${person.givenName} ${person.familyName}`.trim();
		if (match === undefined) {
			fresh.push(person);
			add(person.birthDate, { key, existingId: null, row: person.row });
		} else {
			duplicates.push({ row: person.row, name, existingId: match.existingId, sameAsRow: match.row });
		}
	}
	return { fresh, duplicates };
}

function existingPeople(tx: Tx, organisationId: string, people: ImportPerson[]) {
	const columns = {
		id: participants.id,
		givenName: participants.givenName,
		familyName: participants.familyName,
		birthDate: participants.birthDate
	};
	const dates = [...new Set(people.map((p) => p.birthDate).filter((d) => d !== null))];
	const found = [];
	for (let i = 0; i < dates.length; i += CHUNK) {
		found.push(
			...tx
				.select(columns)
				.from(participants)
				.where(
					and(
						eq(participants.organisationId, organisationId),
						inArray(participants.birthDate, dates.slice(i, i + CHUNK))
					)
				)
				.all()
		);
	}
	if (people.some((p) => p.birthDate === null)) {
		found.push(
			...tx
				.select(columns)
				.from(participants)
				.where(and(eq(participants.organisationId, organisationId), isNull(participants.birthDate)))
				.all()
		);
	}
	return found;
}
