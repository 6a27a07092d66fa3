import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, CLOSURE_REASONS, type CaseStatus } from '$lib/casework';
import {
	CASE_STEPS,
	CLOSURES_AFTER_TRANSFER,
	CLOSURES_BEFORE_FIRST_CONTACT,
	closureNeedsLead,
	closureReasonsFor,
	nextStatus,
	stepsFrom,
	type CaseStep
} from './transitions';

// The whole table, written out: every status × step, with the status it leads to or null for refused.
const EXPECTED: Record<CaseStatus, Record<CaseStep, CaseStatus | null>> = {
	referred: { first_contact: 'active', pause: null, resume: null, transfer: null, close: 'closed', reopen: null },
	active: {
		first_contact: null,
		pause: 'paused',
		resume: null,
		transfer: 'transferred',
		close: 'closed',
		reopen: null
	},
	paused: {
		first_contact: null,
		pause: null,
		resume: 'active',
		transfer: 'transferred',
		close: 'closed',
		reopen: null
	},
	transferred: { first_contact: null, pause: null, resume: 'active', transfer: null, close: 'closed', reopen: null },
	closed: { first_contact: null, pause: null, resume: null, transfer: null, close: null, reopen: 'active' }
};

describe('the case state machine', () => {
	for (const from of CASE_STATUSES) {
		for (const step of CASE_STEPS) {
			const to = EXPECTED[from][step];
			it(`${from} --${step}--> ${to ?? 'refused'}`, () => {
				const outcome = nextStatus(from, step, { closureReason: 'other', periodStarted: true });
				expect(outcome).toEqual(to === null ? { ok: false, reason: 'case.step_not_now' } : { ok: true, to });
			});
		}
	}

	it('reopening a case closed before its first contact makes it wait for one again', () => {
		expect(nextStatus('closed', 'reopen', { periodStarted: false })).toEqual({ ok: true, to: 'referred' });
	});

	it('a closure without a reason is refused', () => {
		expect(nextStatus('active', 'close', { periodStarted: true })).toEqual({ ok: false, reason: 'case.step_not_now' });
	});

	for (const reason of CLOSURE_REASONS) {
		const beforeContact = (CLOSURES_BEFORE_FIRST_CONTACT as readonly string[]).includes(reason);
		const afterTransfer = (CLOSURES_AFTER_TRANSFER as readonly string[]).includes(reason);
		it(`closure reason ${reason}: referred ${beforeContact ? 'yes' : 'no'}, active ${afterTransfer ? 'no' : 'yes'}, transferred yes`, () => {
			const ctx = { closureReason: reason, periodStarted: true };
			expect(nextStatus('referred', 'close', ctx).ok).toBe(beforeContact);
			expect(nextStatus('active', 'close', ctx).ok).toBe(!afterTransfer);
			expect(nextStatus('paused', 'close', ctx).ok).toBe(!afterTransfer);
			expect(nextStatus('transferred', 'close', ctx)).toEqual({ ok: true, to: 'closed' });
			expect(nextStatus('closed', 'close', ctx).ok).toBe(false);
		});
	}

	it('says why a reason does not fit', () => {
		expect(nextStatus('referred', 'close', { closureReason: 'goals_reached', periodStarted: false })).toEqual({
			ok: false,
			reason: 'case.reason_before_first_contact'
		});
		expect(nextStatus('active', 'close', { closureReason: 'transferred_mbe', periodStarted: true })).toEqual({
			ok: false,
			reason: 'case.reason_needs_transfer'
		});
	});

	it('offers only the steps and reasons that apply', () => {
		expect(stepsFrom('referred')).toEqual(['close']);
		expect(stepsFrom('active')).toEqual(['pause', 'transfer', 'close']);
		expect(stepsFrom('paused')).toEqual(['resume', 'transfer', 'close']);
		expect(stepsFrom('transferred')).toEqual(['resume', 'close']);
		expect(stepsFrom('closed')).toEqual(['reopen']);
		expect(closureReasonsFor('referred', CLOSURE_REASONS)).toEqual([...CLOSURES_BEFORE_FIRST_CONTACT]);
		expect(closureReasonsFor('transferred', CLOSURE_REASONS)).toEqual([...CLOSURE_REASONS]);
		expect(closureReasonsFor('closed', CLOSURE_REASONS)).toEqual([]);
	});

	it('"no contact" and "maximum period" need the lead, the others close at once', () => {
		expect(CLOSURE_REASONS.filter(closureNeedsLead)).toEqual(['maximum_period', 'no_contact']);
	});
});
