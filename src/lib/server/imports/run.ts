import { and, eq, isNull } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import { openCaseIn } from '../cases/rows';
import { db, type Tx } from '../db';
import { assignments, households, importDrafts, imports, participants } from '../db/schema';
import { forgetStandings, type Actor } from '../policy';
import { rowContextIn } from './context';
import { openDraft } from './drafts';
import { separateDuplicatesIn, type Duplicate } from './duplicates';
import { mappingProblem, type Mapping, type MappingProblem } from './mapping';
import { isBlank } from './read';
import { readRow, type ImportPerson, type RowRefusal } from './rows';
import type { ImportDraft } from './tables';

export type Check = {
	rowCount: number;
	people: ImportPerson[];
	households: number;
	assignments: number;
	refusals: RowRefusal[];
	duplicates: Duplicate[];
	/** Town and caseworker names by id, for showing the people. */
	names: Map<string, string>;
};

/** What importing the draft with this mapping would do, read in the caller's transaction. */
export function checkIn(tx: Tx, draft: ImportDraft, mapping: Mapping): Check {
	const context = rowContextIn(tx, draft.organisationId);
	const accepted: ImportPerson[] = [];
	const refusals: RowRefusal[] = [];
	draft.rows.forEach((cells, index) => {
		if (isBlank(cells)) return;
		const read = readRow(cells, index, mapping, context);
		if (read.ok) accepted.push(read.person);
		else refusals.push(read.refusal);
	});
	const { fresh, duplicates } = separateDuplicatesIn(tx, draft.organisationId, accepted);
	return {
		rowCount: draft.rows.filter((cells) => !isBlank(cells)).length,
		people: fresh,
		households: householdKeys(fresh).size,
		assignments: fresh.filter((p) => p.caseworkerId !== null).length,
		refusals,
		duplicates,
		names: context.names
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

export type DryRun =
	| { ok: true; check: Check }
	| { ok: false; reason: MappingProblem }
	| { ok: false; reason: 'import.already_imported'; importId: string };

/** The dry run: nothing is written but the audit entry (counts only, never names). */
export async function dryRun(actor: Actor, draftId: string, mapping: Mapping): Promise<DryRun> {
	const draft = await openDraft(actor, draftId);
	if (draft.importId !== null) return { ok: false, reason: 'import.already_imported', importId: draft.importId };
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
	| { ok: true; importId: string; check: Check }
	| { ok: false; reason: MappingProblem }
	| { ok: false; reason: 'import.already_imported'; importId: string };

class AlreadyImported extends Error {}

/**
 * Creates everyone the dry run would, in one transaction that starts by marking the draft imported, on the
 * condition that it was not yet: a second click (or a second tab, or a second server process) changes no row and
 * creates nothing. Rows are checked again inside it, so people someone added meanwhile are duplicates, not twins.
 * The draft's cells are emptied in the same write: the people are in Tandem now.
 */
export async function runImport(actor: Actor, draftId: string, mapping: Mapping): Promise<Imported> {
	const draft = await openDraft(actor, draftId);
	const problem = mappingProblem(mapping);
	if (problem !== null) return { ok: false, reason: problem };
	const importId = crypto.randomUUID();
	try {
		const check = db.transaction((tx) => {
			tx.insert(imports)
				.values({
					id: importId,
					organisationId: draft.organisationId,
					fileName: draft.fileName,
					fileSha256: draft.fileSha256,
					rowCount: 0,
					createdCount: 0,
					duplicateCount: 0,
					refusedCount: 0,
					importedBy: actor.id
				})
				.run();
			const taken = tx
				.update(importDrafts)
				.set({ importId, rows: [] })
				.where(and(eq(importDrafts.id, draft.id), isNull(importDrafts.importId)))
				.run();
			if (taken.changes !== 1) throw new AlreadyImported();
			const result = checkIn(tx, draft, mapping);
			createPeopleIn(tx, actor, draft.organisationId, importId, result.people);
			tx.update(imports)
				.set({
					rowCount: result.rowCount,
					createdCount: result.people.length,
					duplicateCount: result.duplicates.length,
					refusedCount: result.refusals.length
				})
				.where(eq(imports.id, importId))
				.run();
			recordAuditIn(tx, { actor, action: 'import.completed', detail: { importId, ...counts(result) } });
			return result;
		});
		forgetStandings();
		return { ok: true, importId, check };
	} catch (e) {
		if (!(e instanceof AlreadyImported)) throw e;
		const [now] = await db
			.select({ importId: importDrafts.importId })
			.from(importDrafts)
			.where(eq(importDrafts.id, draft.id));
		return { ok: false, reason: 'import.already_imported', importId: now?.importId ?? '' };
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
