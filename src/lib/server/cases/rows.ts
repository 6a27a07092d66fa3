import type { CaseStatus } from '$lib/casework';
import type { Tx } from '../db';
import { caseEvents, cases } from '../db/schema';

/**
 * Opens the case of a participant just recorded, in the caller's transaction: every participant has exactly one.
 * A person handed over or newly registered is "referred" until the first contact starts the counselling period.
 */
export function openCaseIn(
	tx: Tx,
	participantId: string,
	opened: { actorId: string | null; status?: CaseStatus; periodStartsOn?: string | null; reason?: string }
): string {
	const id = crypto.randomUUID();
	const status = opened.status ?? 'referred';
	tx.insert(cases)
		.values({ id, participantId, status, periodStartsOn: opened.periodStartsOn ?? null })
		.run();
	tx.insert(caseEvents)
		.values({ caseId: id, kind: 'opened', toStatus: status, reason: opened.reason ?? '', actorId: opened.actorId })
		.run();
	return id;
}
