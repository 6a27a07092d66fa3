import { and, eq } from 'drizzle-orm';
import type { CaseStatus } from '$lib/casework';
import type { Tx } from '../db';
import { exactlyOne } from '../db/conditional';
import { caseEvents, cases } from '../db/schema';
import type { Case } from './tables';

/**
 * Opens the case of a participant just recorded, in the caller's transaction: every participant has exactly one.
 * A person handed over or newly registered is "referred" until the first contact starts the counselling period.
 */
export function openCaseIn(
	tx: Tx,
	participantId: string,
	opened: {
		actorId: string | null;
		status?: CaseStatus;
		periodStartsOn?: string | null;
		reason?: string;
		// When the case was opened, if not now: the demo's cases began years ago (the key figures read the events).
		at?: Date;
	}
): string {
	const id = crypto.randomUUID();
	const status = opened.status ?? 'referred';
	tx.insert(cases)
		.values({ id, participantId, status, periodStartsOn: opened.periodStartsOn ?? null })
		.run();
	tx.insert(caseEvents)
		.values({
			caseId: id,
			kind: 'opened',
			toStatus: status,
			reason: opened.reason ?? '',
			actorId: opened.actorId,
			...(opened.at === undefined ? {} : { at: opened.at })
		})
		.run();
	return id;
}

/** The case of a participant, read in the caller's transaction (every participant has one). */
export function caseOfIn(tx: Tx, participantId: string): Case {
	const row = tx.select().from(cases).where(eq(cases.participantId, participantId)).get();
	if (row === undefined) throw new Error(`participant ${participantId} has no case`);
	return row;
}

/** Case work is recorded on open cases only: a closed case stays readable, and is reopened with a reason first. */
export function acceptsCaseWork(row: Pick<Case, 'status'>): boolean {
	return row.status !== 'closed';
}

/**
 * The first contact starts the counselling period: a referred case becomes active, in the contact's transaction.
 * Conditional on the case still being referred, so two first contacts at once start it once.
 */
export function startPeriodIn(tx: Tx, row: Case, day: string, actorId: string): void {
	if (row.status !== 'referred' || row.periodStartsOn !== null) return;
	const result = tx
		.update(cases)
		.set({ status: 'active', periodStartsOn: day, version: row.version + 1 })
		.where(and(eq(cases.id, row.id), eq(cases.status, 'referred'), eq(cases.version, row.version)))
		.run();
	exactlyOne(result);
	tx.insert(caseEvents)
		.values({ caseId: row.id, kind: 'first_contact', fromStatus: 'referred', toStatus: 'active', actorId })
		.run();
}
