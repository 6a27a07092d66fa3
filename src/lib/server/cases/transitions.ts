// The course of a case as a pure state machine: which step may follow which status, and which closure reasons
// make sense when. Writers (course.ts) ask it inside their transaction; the page asks it to offer only what applies.
import { CLOSURES_NEEDING_LEAD, type CaseStatus, type ClosureReason } from '$lib/casework';

export const CASE_STEPS = ['first_contact', 'pause', 'resume', 'transfer', 'close', 'reopen'] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/**
 * referred → active (the first contact only) → paused ⇄ active → transferred → closed; closed → reopened.
 * "resume" also takes back a transferred case whose receiving service did not take it on.
 */
const FROM: Record<CaseStep, readonly CaseStatus[]> = {
	first_contact: ['referred'],
	pause: ['active'],
	resume: ['paused', 'transferred'],
	transfer: ['active', 'paused'],
	close: ['referred', 'active', 'paused', 'transferred'],
	reopen: ['closed']
};

/**
 * Before a first contact there was no counselling: it cannot have reached its goals, its maximum period or a
 * transfer. What can happen is that the person never answers, moves, leaves, is naturalised or dies.
 */
export const CLOSURES_BEFORE_FIRST_CONTACT = [
	'moved_away',
	'no_contact',
	'naturalised',
	'left_germany',
	'deceased',
	'other'
] as const satisfies readonly ClosureReason[];

/** A closure "transferred to …" follows a recorded transfer, so the receiving service is on file (K7). */
export const CLOSURES_AFTER_TRANSFER = [
	'transferred_mbe',
	'transferred_jmd',
	'regular_service'
] as const satisfies readonly ClosureReason[];

export type StepRefusal = 'case.step_not_now' | 'case.reason_before_first_contact' | 'case.reason_needs_transfer';
export type StepOutcome = { ok: true; to: CaseStatus } | { ok: false; reason: StepRefusal };

export type StepContext = {
	/** For "close": why. */
	closureReason?: ClosureReason;
	/** Whether the counselling period has started (a first contact happened). */
	periodStarted: boolean;
};

export function stepAllowed(from: CaseStatus, step: CaseStep): boolean {
	return FROM[step].includes(from);
}

/** The status a step leads to from `from`, or why it is refused. */
export function nextStatus(from: CaseStatus, step: CaseStep, context: StepContext): StepOutcome {
	if (!stepAllowed(from, step)) return { ok: false, reason: 'case.step_not_now' };
	switch (step) {
		case 'first_contact':
		case 'resume':
			return { ok: true, to: 'active' };
		case 'pause':
			return { ok: true, to: 'paused' };
		case 'transfer':
			return { ok: true, to: 'transferred' };
		case 'reopen':
			// A case closed before any first contact goes back to waiting for one; its period never started.
			return { ok: true, to: context.periodStarted ? 'active' : 'referred' };
		case 'close': {
			const reason = context.closureReason;
			if (reason === undefined) return { ok: false, reason: 'case.step_not_now' };
			if (from === 'referred' && !(CLOSURES_BEFORE_FIRST_CONTACT as readonly string[]).includes(reason)) {
				return { ok: false, reason: 'case.reason_before_first_contact' };
			}
			if (from !== 'transferred' && (CLOSURES_AFTER_TRANSFER as readonly string[]).includes(reason)) {
				return { ok: false, reason: 'case.reason_needs_transfer' };
			}
			return { ok: true, to: 'closed' };
		}
	}
}

/** The steps that may follow a status, for the page to offer. */
export function stepsFrom(from: CaseStatus): CaseStep[] {
	return CASE_STEPS.filter((step) => step !== 'first_contact' && stepAllowed(from, step));
}

/** The closure reasons that apply to a case in this status. */
export function closureReasonsFor(from: CaseStatus, all: readonly ClosureReason[]): ClosureReason[] {
	return all.filter((reason) => nextStatus(from, 'close', { closureReason: reason, periodStarted: true }).ok);
}

/** "No contact" and "maximum period" close only once the team lead signs off; the lead's own closure is the sign-off. */
export function closureNeedsLead(reason: ClosureReason): boolean {
	return (CLOSURES_NEEDING_LEAD as readonly string[]).includes(reason);
}
