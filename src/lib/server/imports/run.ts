import { and, eq } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import { openCaseIn } from '../cases/rows';
import { db, type Tx } from '../db';
import { assignments, households, importDrafts, imports, participants } from '../db/schema';
import { forgetStandings, type Actor } from '../policy';
import { rowContextIn } from './context';
import { openDraft } from './drafts';
import { separateDuplicatesIn, type Duplicate } from './duplicates';
import { mappingProblem, type Mapping, type MappingProblem } from './mapping';
import { readRow, type ImportPerson, type RowRefusal } from './rows';
import type { ImportDraft } from './tables';

export type Check = {
	rowCount: number;
	people: ImportPerson[];
	households: number;
	assignments: number;
	refusals: RowRefusal[];
	duplicates: Duplicate[];
};

/** What importing the draft with this mapping would do, read in the caller's transaction. */
export function checkIn(tx: Tx, draft: ImportDraft, mapping: Mapping): Check {
	const context = rowContextIn(tx, draft.organisationId);
	const accepted: ImportPerson[] = [];
	const refusals: RowRefusal[] = [];
	draft.rows.forEach((cells, index) => {
		const read = readRow(cells, index, mapping, context);
		if (read.ok) accepted.push(read.person);
		else refusals.push(read.refusal);
	});
	const { fresh, duplicates } = separateDuplicatesIn(tx, draft.organisationId, accepted);
	return {
		rowCount: draft.rows.length,
		people: fresh,
		households: householdKeys(fresh).size,
		assignments: fresh.filter((p) => p.caseworkerId !== null).length,
		refusals,
		duplicates
	};
}

/** Rows with the same household key form one household; a row without one is a household of its own. */
function householdKeys(people: ImportPerson[]): Map<string, ImportPerson[]> {
	const groups = new Map<string, ImportPerson[]>();
	for (const person of people) {
		const key = person.household === '' ? `row:${person.row}` : `key:${person.household}`;
		groups.set(key, [...(groups.get(key) ?? []), person]);
	}
	return groups;
}

function counts(check: Check) {
	return {
		rows: check.rowCount,
		people: check.people.length,
		households: check.households,
		assignments: check.assignments,
		refused: check.refusals.length,
		duplicates: check.duplicates.length
	};
}

export type DryRun = { ok: true; check: Check } | { ok: false; reason: MappingProblem };

/** The dry run: nothing is written but the audit entry (counts only, never names). */
export async function dryRun(actor: Actor, draftId: string, mapping: Mapping): Promise<DryRun> {
	const draft = await openDraft(actor, draftId);
	const problem = mappingProblem(mapping);
	if (problem !== null) return { ok: false, reason: problem };
	const check = db.transaction((tx) => {
		const result = checkIn(tx, draft, mapping);
		recordAuditIn(tx, { actor, action: 'import.checked', detail: { draftId, ...counts(result) } });
		return result;
	});
	return { ok: true, check };
}

export type Imported =
	{ ok: true; importId: string; check: Check } | { ok: false; reason: MappingProblem | 'import.already_imported' };

class AlreadyImported extends Error {}

/**
 * Creates everyone the dry run would, in one transaction that starts by taking the draft away: a second click (or
 * a second tab) finds no draft and creates nothing. Rows are checked again inside it, so people someone added
 * meanwhile are duplicates, not twins.
 */
export async function runImport(actor: Actor, draftId: string, mapping: Mapping): Promise<Imported> {
	const draft = await openDraft(actor, draftId);
	const problem = mappingProblem(mapping);
	if (problem !== null) return { ok: false, reason: problem };
	try {
		const result = db.transaction((tx) => {
			const taken = tx
				.delete(importDrafts)
				.where(and(eq(importDrafts.id, draft.id), eq(importDrafts.organisationId, draft.organisationId)))
				.run();
			if (taken.changes !== 1) throw new AlreadyImported();
			const check = checkIn(tx, draft, mapping);
			const importId = crypto.randomUUID();
			tx.insert(imports)
				.values({
					id: importId,
					organisationId: draft.organisationId,
					fileName: draft.fileName,
					fileSha256: draft.fileSha256,
					rowCount: check.rowCount,
					createdCount: check.people.length,
					duplicateCount: check.duplicates.length,
					refusedCount: check.refusals.length,
					importedBy: actor.id
				})
				.run();
			createPeopleIn(tx, actor, draft.organisationId, importId, check.people);
			recordAuditIn(tx, { actor, action: 'import.completed', detail: { importId, ...counts(check) } });
			return { importId, check };
		});
		forgetStandings();
		return { ok: true, ...result };
	} catch (e) {
		if (e instanceof AlreadyImported) return { ok: false, reason: 'import.already_imported' };
		throw e;
	}
}

function createPeopleIn(tx: Tx, actor: Actor, organisationId: string, importId: string, people: ImportPerson[]) {
	for (const members of householdKeys(people).values()) {
		const householdId = crypto.randomUUID();
		tx.insert(households).values({ id: householdId, name: members[0]!.familyName }).run();
		for (const person of members) {
			const id = crypto.randomUUID();
			tx.insert(participants)
				.values({
					id,
					organisationId,
					townId: person.townId,
					district: person.district,
					householdId,
					givenName: person.givenName,
					familyName: person.familyName,
					birthDate: person.birthDate,
					residenceStatus: person.residenceStatus,
					language: person.language,
					phone: person.phone,
					importId
				})
				.run();
			if (person.caseworkerId !== null) {
				tx.insert(assignments)
					.values({ participantId: id, caseworkerId: person.caseworkerId, assignedBy: actor.id })
					.run();
			}
			// A running caseload: these people are in counselling already, since a day the sheet does not tell.
			openCaseIn(tx, id, { actorId: actor.id, status: 'active', periodStartsOn: null });
			recordAuditIn(tx, { actor, action: 'participant.created', participantId: id, detail: { importId } });
		}
	}
}
