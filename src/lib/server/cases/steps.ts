import { error } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { CaseStatus } from '$lib/casework';
import { recordAuditIn, type AuditAction } from '../audit';
import type { Tx } from '../db';
import { ChangedMeanwhile, exactlyOne, seenOtherState, type Seen } from '../db/conditional';
import { caseEvents, cases } from '../db/schema';
import type { Actor, CaseWorkAccess } from '../policy';
import { caseOfIn } from './rows';
import type { Case } from './tables';

/** What a writer of the case's course answers: done, or a translation key (and the field it is about). */
export type CourseOutcome<T = object> = ({ ok: true } & T) | { ok: false; reason: string; field?: string };

/** Recording work on a case is staff's; everyone else gets the same 404 as for a case that does not exist. */
export function requireRecordWork(access: CaseWorkAccess): void {
	if (!access.recordWork) error(404, 'error.not_found');
}

export function requireApprove(access: CaseWorkAccess): void {
	if (!access.approve) error(404, 'error.not_found');
}

/**
 * The case as the actor saw it, read inside the write's transaction: a form loaded on another status or
 * version rolls the whole transaction back ("changed meanwhile").
 */
export function caseAsSeenIn(tx: Tx, access: CaseWorkAccess, seen: Seen): Case {
	const row = caseOfIn(tx, access.participantId);
	if (seenOtherState(row, seen)) throw new ChangedMeanwhile();
	return row;
}

/** Who changes a case: an access object, or the actor of a participant created in the same transaction. */
export type CaseActor = { actor: Actor; participantId: string };

export type CaseChange = {
	set?: Partial<typeof cases.$inferInsert>;
	to?: CaseStatus;
	event: string;
	reason?: string;
	detail?: Record<string, unknown>;
	audit: AuditAction;
};

/**
 * One step in a case's course: the conditional update (status and version as read), an append-only event
 * (who, when, why) and an audit entry, all in the caller's transaction.
 */
export function changeCaseIn(tx: Tx, access: CaseActor, row: Case, change: CaseChange): void {
	const to = change.to ?? row.status;
	exactlyOne(
		tx
			.update(cases)
			.set({ ...change.set, status: to, version: row.version + 1, updatedAt: new Date() })
			.where(and(eq(cases.id, row.id), eq(cases.status, row.status), eq(cases.version, row.version)))
			.run()
	);
	tx.insert(caseEvents)
		.values({
			caseId: row.id,
			kind: change.event,
			fromStatus: row.status,
			toStatus: to,
			reason: change.reason ?? '',
			detail: change.detail ?? null,
			actorId: access.actor.id
		})
		.run();
	recordAuditIn(tx, {
		actor: access.actor,
		action: change.audit,
		participantId: access.participantId,
		detail: { caseId: row.id, event: change.event, from: row.status, to, ...change.detail }
	});
}
