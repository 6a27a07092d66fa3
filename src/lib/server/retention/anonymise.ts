import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import type { Tx } from '../db';
import { caseEvents, cases, documentFiles, documents, planVersions } from '../db/schema';
import type { PlanSnapshot, PlanText } from '../plans/snapshot';
import { blankPeople } from './people';

/*
 * What anonymisation removes, table by table (schema.ts), and what stays so that the key figures still count:
 * - participants: names (replaced by ANONYMISED_NAME, shown as a localised label), phone, e-mail and address
 *   emptied; the birth date becomes 1 July of its year, so age bands (K1) stay right within half a year.
 *   Stays: organisation, town, district, residence status, gender, nationality, language (K1).
 * - users (the person's account): deactivated, name, username, phone and e-mail replaced; sessions, push
 *   subscriptions, calendar feeds and reminders deleted; consents still active are revoked (their terms are
 *   immutable by trigger: grantee names and purposes stay, see the report).
 * - households: the name, once every member's case is anonymised.
 * - documents: every file deleted (rows of document_files and the encrypted files); the document row stays
 *   without its title (category and expiry date count nothing personal); questions and answers emptied.
 * - case_notes and goal_comments: deleted (free text through and through).
 * - contacts: the note emptied; form, kind, interpreter, minutes, topics and persons stay (K2, K3).
 * - goals and steps: titles, reasons, decline reasons, step texts and service names emptied; catalogue ids,
 *   fields, statuses and dates stay (K5, K9). Agreed plan versions keep only catalogue texts; plan history
 *   loses its detail; reviews and their outcomes lose their notes.
 * - handovers: person, phone and open matters emptied; service and dates stay (K7).
 * - assessments: the note emptied; every coded answer stays (K9). referrals: the note (K7 counts the rest).
 * - case_requests, case_events, covers: reasons and notes emptied; statuses and dates stay (K8).
 * - appointments and their events: title, place, address, directions, notes and messages emptied.
 * - correction_requests: request and outcome note emptied.
 * - audit_log: never rewritten (hash chain); the `case.anonymised` entry is the tombstone. Older entries'
 *   details may hold what a staff member typed (e.g. a revocation reason) and stay as they are.
 */

export type Anonymised = { caseId: string; participantId: string; storageKeys: string[] };

/**
 * Anonymises one case in the caller's transaction, conditional on it still being closed and not anonymised:
 * a case reopened or anonymised meanwhile is left alone (null). The caller deletes the files after commit.
 */
export function anonymiseCaseIn(tx: Tx, caseId: string, now: Date): Anonymised | null {
	const marked = tx
		.update(cases)
		.set({ anonymisedAt: now, version: sql`${cases.version} + 1` })
		.where(and(eq(cases.id, caseId), eq(cases.status, 'closed'), isNull(cases.anonymisedAt)))
		.returning({ participantId: cases.participantId })
		.get();
	if (marked === undefined) return null;
	const { participantId } = marked;
	const storageKeys = removeDocumentFiles(tx, participantId);
	blankPeople(tx, participantId, caseId);
	reducePlanVersions(tx, participantId);
	tx.insert(caseEvents).values({ caseId, kind: 'anonymised', toStatus: 'closed', actorId: null }).run();
	recordAuditIn(tx, { actor: null, action: 'case.anonymised', participantId, detail: { caseId } });
	return { caseId, participantId, storageKeys };
}

function removeDocumentFiles(tx: Tx, participantId: string): string[] {
	const ids = tx
		.select({ id: documents.id })
		.from(documents)
		.where(eq(documents.participantId, participantId))
		.all()
		.map((d) => d.id);
	if (ids.length === 0) return [];
	const files = tx
		.delete(documentFiles)
		.where(inArray(documentFiles.documentId, ids))
		.returning({ key: documentFiles.storageKey, thumbnail: documentFiles.thumbnailKey })
		.all();
	return files.flatMap((f) => (f.thumbnail === null ? [f.key] : [f.key, f.thumbnail]));
}

const EMPTY: PlanText = { kind: 'free', text: '', locale: null };
const catalogueOnly = (t: PlanText): PlanText => (t.kind === 'catalogue' ? t : EMPTY);

/** Agreed versions keep what the catalogue says (the same for everyone), never what someone typed. */
function reducePlanVersions(tx: Tx, participantId: string): void {
	const versions = tx
		.select({ id: planVersions.id, snapshot: planVersions.snapshot })
		.from(planVersions)
		.where(eq(planVersions.participantId, participantId))
		.all();
	for (const v of versions) {
		const snapshot: PlanSnapshot = {
			nextReviewDate: v.snapshot.nextReviewDate,
			goals: v.snapshot.goals.map((g) => ({
				...g,
				title: catalogueOnly(g.title),
				why: '',
				whyLocale: null,
				steps: g.steps.map((s) => ({ ...s, text: catalogueOnly(s.text), serviceName: '' }))
			}))
		};
		tx.update(planVersions).set({ snapshot, paperNote: '' }).where(eq(planVersions.id, v.id)).run();
	}
}
