import { describe, expect, it } from 'vitest';
import { addMonths, latestStartEndingBy, monthsCompleted, periodEndsOn, periodOf } from './period';

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

describe('month arithmetic', () => {
	it('keeps the day, or takes the last day of a shorter month', () => {
		expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
		expect(addMonths('2023-01-31', 1)).toBe('2023-02-28');
		expect(addMonths('2024-02-29', 36)).toBe('2027-02-28');
		expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
		expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
		expect(addMonths('2024-12-15', 1)).toBe('2025-01-15');
		expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
	});
});

describe('the end of the counselling period', () => {
	it('is the day before the same date 36 months later', () => {
		expect(periodEndsOn('2024-01-15', 36)).toBe('2027-01-14');
		expect(periodEndsOn('2024-03-01', 36)).toBe('2027-02-28');
		expect(periodEndsOn('2025-01-01', 36)).toBe('2027-12-31');
	});

	it('is the last day of the month when that month lacks the date (§ 188 (3) BGB)', () => {
		expect(periodEndsOn('2024-02-29', 36)).toBe('2027-02-28');
		expect(periodEndsOn('2024-02-29', 48)).toBe('2028-02-28');
		expect(periodEndsOn('2024-01-31', 1)).toBe('2024-02-29');
		expect(periodEndsOn('2023-01-31', 1)).toBe('2023-02-28');
		expect(periodEndsOn('2023-05-31', 36)).toBe('2026-05-30');
		expect(periodEndsOn('2025-08-31', 42)).toBe('2029-02-28');
	});

	it('never moves back when the start moves forward', () => {
		let day = '2023-12-01';
		let previous = '';
		for (let i = 0; i < 500; i++) {
			const end = periodEndsOn(day, 36);
			expect(end >= previous).toBe(true);
			previous = end;
			day = nextDay(day);
		}
	});
});

describe('months used', () => {
	it('counts a month as completed once its last day has passed', () => {
		expect(monthsCompleted('2024-01-15', '2024-01-15')).toBe(0);
		expect(monthsCompleted('2024-01-15', '2024-02-14')).toBe(0);
		expect(monthsCompleted('2024-01-15', '2024-02-15')).toBe(1);
		expect(monthsCompleted('2024-01-31', '2024-02-29')).toBe(0);
		expect(monthsCompleted('2024-01-31', '2024-03-01')).toBe(1);
		expect(monthsCompleted('2024-02-29', '2027-02-28')).toBe(35);
		expect(monthsCompleted('2024-02-29', '2027-03-01')).toBe(36);
		expect(monthsCompleted('2024-05-01', '2024-04-01')).toBe(0);
	});

	it('flags from month 30 of 36, and from month 42 of an extended 48', () => {
		// Month 30 begins when 29 months are completed.
		expect(periodOf('2024-01-15', 36, '2026-06-14')).toMatchObject({ month: 29, flagged: false });
		expect(periodOf('2024-01-15', 36, '2026-06-15')).toMatchObject({ month: 30, flagged: true, monthsLeft: 6 });
		expect(periodOf('2024-01-15', 48, '2026-06-15')).toMatchObject({ month: 30, flagged: false, extendable: false });
		expect(periodOf('2024-01-15', 48, '2027-06-15')).toMatchObject({ month: 42, flagged: true });
	});

	it('knows the last day and what comes after it', () => {
		expect(periodOf('2024-01-15', 36, '2027-01-14')).toMatchObject({ month: 36, over: false, monthsLeft: 0 });
		expect(periodOf('2024-01-15', 36, '2027-01-15')).toMatchObject({ month: 36, over: true, extendable: true });
		expect(periodOf(null, 36, '2027-01-15')).toBeNull();
	});
});

describe('the latest start whose period ends by a day', () => {
	it('is exact, across month ends and leap days', () => {
		for (const horizon of ['2027-02-28', '2028-02-29', '2027-01-14', '2026-12-31', '2027-03-01']) {
			for (const months of [36, 42, 48]) {
				const latest = latestStartEndingBy(horizon, months);
				expect(periodEndsOn(latest, months) <= horizon).toBe(true);
				expect(periodEndsOn(nextDay(latest), months) > horizon).toBe(true);
			}
		}
	});
});
