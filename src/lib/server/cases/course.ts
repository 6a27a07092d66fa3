import { and, eq, isNull } from 'drizzle-orm';
import type { ClosureReason, EligibilityBasis } from '$lib/casework';
import type { Tx } from '../db';
import { writeIfUnchanged, type Seen } from '../db/conditional';
import { caseRequests } from '../db/schema';
import type { CaseWorkAccess } from '../policy';
import { caseAsSeenIn, changeCaseIn, requireRecordWork, type CourseOutcome } from './steps';
import type { Case } from './tables';
import { closureNeedsLead, nextStatus } from './transitions';

/** Pause (the period keeps running), resume, or reopen a closed case; each with the reason staff gave. */
export async function changeCourse(
	access: CaseWorkAccess,
	step: 'pause' | 'resume' | 'reopen',
	reason: string,
	seen: Seen
): Promise<CourseOutcome> {
	requireRecordWork(access);
	const written = writeIfUnchanged((tx): CourseOutcome => {
		const row = caseAsSeenIn(tx, access, seen);
		const next = nextStatus(row.status, step, { periodStarted: row.periodStartsOn !== null });
		if (!next.ok) return next;
		const reopened = step === 'reopen' ? { closureReason: null, closedAt: null } : {};
		// Taking back a transfer that fell through clears the receiving service; the events keep it.
		const takenBack =
			row.status === 'transferred'
				? { transferTarget: null, transferServiceId: null, transferAppointmentId: null }
				: {};
		changeCaseIn(tx, access, row, {
			to: next.to,
			set: { ...reopened, ...takenBack },
			event: step === 'reopen' ? 'reopened' : step === 'pause' ? 'paused' : 'resumed',
			reason,
			audit: 'case.status_changed'
		});
		return { ok: true };
	});
	return written.ok ? written.value : written;
}

export type ClosureInput = { closureReason: ClosureReason; note: string };

/**
 * Closes a case, or asks the team lead to when the reason needs sign-off ("no contact", "maximum period").
 * The lead's own closure is the sign-off. Open requests end with the case.
 */
export async function closeCase(
	access: CaseWorkAccess,
	input: ClosureInput,
	seen: Seen
): Promise<CourseOutcome<{ requested: boolean }>> {
	requireRecordWork(access);
	if (input.closureReason === 'other' && input.note === '') {
		return { ok: false, reason: 'case.other_needs_text', field: 'note' };
	}
	const written = writeIfUnchanged((tx): CourseOutcome<{ requested: boolean }> => {
		const row = caseAsSeenIn(tx, access, seen);
		const next = nextStatus(row.status, 'close', {
			closureReason: input.closureReason,
			periodStarted: row.periodStartsOn !== null
		});
		if (!next.ok) return { ...next, field: 'closureReason' };
		if (closureNeedsLead(input.closureReason) && !access.approve) {
			if (openRequestIn(tx, row, 'closure')) return { ok: false, reason: 'case.request_open' };
			tx.insert(caseRequests)
				.values({
					id: crypto.randomUUID(),
					caseId: row.id,
					kind: 'closure',
					reason: input.note,
					closureReason: input.closureReason,
					requestedBy: access.actor.id
				})
				.run();
			changeCaseIn(tx, access, row, {
				event: 'closure_requested',
				reason: input.note,
				detail: { closureReason: input.closureReason },
				audit: 'case.requested'
			});
			return { ok: true, requested: true };
		}
		closeIn(tx, access, row, input, {});
		return { ok: true, requested: false };
	});
	return written.ok ? written.value : written;
}

/** The closure itself, also when the lead approves a request; withdraws whatever else was still asked. */
export function closeIn(
	tx: Tx,
	access: CaseWorkAccess,
	row: Case,
	input: ClosureInput,
	detail: Record<string, unknown>
): void {
	tx.update(caseRequests)
		.set({ outcome: 'withdrawn', decidedBy: access.actor.id, decidedAt: new Date(), decisionNote: 'closed' })
		.where(and(eq(caseRequests.caseId, row.id), isNull(caseRequests.outcome)))
		.run();
	changeCaseIn(tx, access, row, {
		to: 'closed',
		set: { closureReason: input.closureReason, closedAt: new Date() },
		event: 'closed',
		reason: input.note,
		detail: { closureReason: input.closureReason, ...detail },
		audit: 'case.status_changed'
	});
}

export function openRequestIn(tx: Tx, row: Case, kind: 'extension' | 'closure'): boolean {
	const open = tx
		.select({ id: caseRequests.id })
		.from(caseRequests)
		.where(and(eq(caseRequests.caseId, row.id), eq(caseRequests.kind, kind), isNull(caseRequests.outcome)))
		.get();
	return open !== undefined;
}

/** The legal basis the person is counselled on (K1 counts by it); set at the handover or here. */
export async function setEligibility(
	access: CaseWorkAccess,
	eligibility: EligibilityBasis,
	seen: Seen
): Promise<CourseOutcome> {
	requireRecordWork(access);
	const written = writeIfUnchanged((tx): CourseOutcome => {
		const row = caseAsSeenIn(tx, access, seen);
		if (row.status === 'closed') return { ok: false, reason: 'case.closed_no_work' };
		changeCaseIn(tx, access, row, {
			set: { eligibility },
			event: 'eligibility_changed',
			detail: { eligibility },
			audit: 'case.status_changed'
		});
		return { ok: true };
	});
	return written.ok ? written.value : written;
}
