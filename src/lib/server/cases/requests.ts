import { and, eq, isNull } from 'drizzle-orm';
import { EXTENDED_PERIOD_MONTHS } from '$lib/casework';
import { ChangedMeanwhile, exactlyOne, writeIfUnchanged, type Seen } from '../db/conditional';
import { caseRequests } from '../db/schema';
import type { CaseWorkAccess } from '../policy';
import { closeIn, openRequestIn } from './course';
import { caseOfIn } from './rows';
import { caseAsSeenIn, changeCaseIn, requireApprove, requireRecordWork, type CourseOutcome } from './steps';
import { nextStatus } from './transitions';

/** Counselling runs 36 months; a 4th year (up to 48 in all) needs a reason and the team lead's approval. */
export async function requestExtension(
	access: CaseWorkAccess,
	input: { months: number; reason: string },
	seen: Seen
): Promise<CourseOutcome> {
	requireRecordWork(access);
	const written = writeIfUnchanged((tx): CourseOutcome => {
		const row = caseAsSeenIn(tx, access, seen);
		if (row.periodStartsOn === null || row.status === 'closed') return { ok: false, reason: 'case.step_not_now' };
		if (input.months <= row.periodMonths || input.months > EXTENDED_PERIOD_MONTHS) {
			return { ok: false, reason: 'case.extension_months_invalid', field: 'months' };
		}
		if (openRequestIn(tx, row, 'extension')) return { ok: false, reason: 'case.request_open' };
		tx.insert(caseRequests)
			.values({
				id: crypto.randomUUID(),
				caseId: row.id,
				kind: 'extension',
				reason: input.reason,
				months: input.months,
				requestedBy: access.actor.id
			})
			.run();
		changeCaseIn(tx, access, row, {
			event: 'extension_requested',
			reason: input.reason,
			detail: { months: input.months },
			audit: 'case.requested'
		});
		return { ok: true };
	});
	return written.ok ? written.value : written;
}

export type Decision = { requestId: string; outcome: 'approved' | 'refused'; note: string };

/**
 * The lead decides a request once: a second decision, also one sent at the same moment, changes nothing.
 * An approved extension sets the period's length; an approved closure closes the case.
 */
export async function decideRequest(access: CaseWorkAccess, decision: Decision): Promise<CourseOutcome> {
	requireApprove(access);
	if (decision.outcome === 'refused' && decision.note === '') {
		return { ok: false, reason: 'case.refusal_needs_note', field: 'note' };
	}
	const written = writeIfUnchanged((tx): CourseOutcome => {
		const row = caseOfIn(tx, access.participantId);
		const request = tx
			.select()
			.from(caseRequests)
			.where(and(eq(caseRequests.id, decision.requestId), eq(caseRequests.caseId, row.id)))
			.get();
		if (request === undefined) return { ok: false, reason: 'error.not_found' };
		exactlyOne(
			tx
				.update(caseRequests)
				.set({
					outcome: decision.outcome,
					decidedBy: access.actor.id,
					decidedAt: new Date(),
					decisionNote: decision.note
				})
				.where(and(eq(caseRequests.id, request.id), isNull(caseRequests.outcome)))
				.run()
		);
		const detail = { requestId: request.id };
		if (decision.outcome === 'refused') {
			changeCaseIn(tx, access, row, {
				event: `${request.kind}_refused`,
				reason: decision.note,
				detail,
				audit: 'case.request_decided'
			});
		} else if (request.kind === 'extension') {
			const months = request.months ?? row.periodMonths;
			if (row.status === 'closed' || months <= row.periodMonths) throw new ChangedMeanwhile();
			changeCaseIn(tx, access, row, {
				set: { periodMonths: months },
				event: 'extension_approved',
				reason: decision.note,
				detail: { ...detail, months },
				audit: 'case.request_decided'
			});
		} else {
			const closureReason = request.closureReason ?? 'other';
			const next = nextStatus(row.status, 'close', { closureReason, periodStarted: row.periodStartsOn !== null });
			if (!next.ok) throw new ChangedMeanwhile();
			closeIn(tx, access, row, { closureReason, note: request.reason }, { ...detail, approvedNote: decision.note });
		}
		return { ok: true };
	});
	return written.ok ? written.value : written;
}
