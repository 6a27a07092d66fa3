import { describe, expect, test } from 'vitest';
import { bands, drawnValue, linear, niceMax, shownCount, topicKey, wrapLabel } from './chart-data';

describe('chart helpers', () => {
	test('a suppressed count is drawn at 4 and shown as the given text', () => {
		expect(drawnValue('lt5')).toBe(4);
		expect(drawnValue(12)).toBe(12);
		expect(shownCount('de', 'lt5', '< 5')).toBe('< 5');
		expect(shownCount('de', 1234, '< 5')).toBe('1.234');
	});
	test('topics come from two vocabularies', () => {
		expect(topicKey('housing')).toBe('field.housing');
		expect(topicKey('rent_debts')).toBe('topic.rent_debts');
	});
	test('labels wrap at spaces, a long word stays whole', () => {
		expect(wrapLabel('Kein Kontakt / weitere Beratung abgelehnt', 20)).toEqual([
			'Kein Kontakt /',
			'weitere Beratung',
			'abgelehnt'
		]);
		expect(wrapLabel('Integrationskursträgerverband', 10)).toEqual(['Integrationskursträgerverband']);
	});
	test('axis ends are round', () => {
		expect(niceMax(3)).toBe(5);
		expect(niceMax(37)).toBe(50);
		expect(niceMax(90)).toBe(100);
		expect(niceMax(180)).toBe(200);
		expect(niceMax(2400)).toBe(2500);
	});
	test('scales map both directions', () => {
		expect(linear([0, 100], [2, 276])(90)).toBe(248.6);
		expect(linear([0, 100], [338, 64])(90)).toBe(91.4);
		const b = bands(3, [30, 338]);
		// step 102.67: first band starts 10.27 in, 82.13 wide
		expect(b.width).toBe(82.13);
		expect(b.start(0)).toBe(40.27);
		const r = bands(3, [310, 2]);
		expect(r.start(0)).toBe(217.6);
	});
});
