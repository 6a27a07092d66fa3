import { describe, expect, it } from 'vitest';
import { mergeEdits } from './merge';

const FIELDS = ['title', 'why', 'status', 'targetDate'] as const;
const base = { title: 'Deutsch B1', why: 'Für die Arbeit', status: 'planned', targetDate: '' };

describe('merging concurrent edits', () => {
	it('different fields merge by themselves', () => {
		const theirs = { ...base, status: 'in_progress' };
		const mine = { ...base, why: 'Um mit den Nachbarn zu reden' };
		expect(mergeEdits(FIELDS, base, theirs, mine)).toEqual({
			kind: 'merged',
			values: { ...base, status: 'in_progress', why: 'Um mit den Nachbarn zu reden' },
			changedByMe: ['why']
		});
	});

	it('the same field changed differently is a conflict that keeps both texts', () => {
		const theirs = { ...base, why: 'ንስራሕ' };
		const mine = { ...base, why: 'Für die Ausbildung', targetDate: '2027-05-01' };
		const result = mergeEdits(FIELDS, base, theirs, mine);
		expect(result.kind).toBe('conflict');
		if (result.kind !== 'conflict') return;
		expect(result.conflicts).toEqual([{ field: 'why', mine: 'Für die Ausbildung', theirs: 'ንስራሕ' }]);
		// What did not conflict is already merged into the proposal shown to the user.
		expect(result.values.targetDate).toBe('2027-05-01');
	});

	it('the same change on both sides is no conflict', () => {
		const theirs = { ...base, status: 'achieved' };
		expect(mergeEdits(FIELDS, base, theirs, { ...base, status: 'achieved' })).toMatchObject({ kind: 'merged' });
	});

	it('nothing changed by me keeps their version untouched', () => {
		const theirs = { ...base, title: 'Deutsch B2' };
		expect(mergeEdits(FIELDS, base, theirs, base)).toEqual({ kind: 'merged', values: theirs, changedByMe: [] });
	});
});
