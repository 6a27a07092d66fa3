import { describe, expect, it } from 'vitest';
import { defaultReportYear, parseReportPeriod, periodBounds, periodQuery } from './report-period';

const parse = (query: string, today = '2026-11-26') => parseReportPeriod(new URLSearchParams(query), today);

describe('the report period', () => {
	it('defaults to the current year, in January to the year before (the report is due by 31 January)', () => {
		expect(defaultReportYear('2026-11-26')).toBe(2026);
		expect(defaultReportYear('2027-01-31')).toBe(2026);
		expect(defaultReportYear('2027-02-01')).toBe(2027);
		expect(parse('')).toEqual({ ok: true, period: { from: '2026-01-01', to: '2026-12-31' }, year: 2026 });
	});

	it('reads a year or a from–to range and refuses bad ones with a message key', () => {
		expect(parse('year=2025')).toEqual({ ok: true, period: { from: '2025-01-01', to: '2025-12-31' }, year: 2025 });
		expect(parse('from=2025-03-01&to=2025-06-30')).toEqual({
			ok: true,
			period: { from: '2025-03-01', to: '2025-06-30' },
			year: null
		});
		expect(parse('year=20025')).toEqual({ ok: false, reason: 'report.period_invalid' });
		expect(parse('year=1999')).toEqual({ ok: false, reason: 'report.period_out_of_range' });
		expect(parse('from=2025-02-30&to=2025-06-30')).toEqual({ ok: false, reason: 'report.period_invalid' });
		expect(parse('from=2025-06-30&to=2025-03-01')).toEqual({ ok: false, reason: 'report.period_reversed' });
		expect(parse('from=2025-06-30')).toEqual({ ok: false, reason: 'report.period_invalid' });
	});

	it('bounds a year on the Berlin clock: 23:00 UTC on 31 December (winter time) to the same a year later', () => {
		const { start, end } = periodBounds({ from: '2025-01-01', to: '2025-12-31' });
		expect(new Date(start).toISOString()).toBe('2024-12-31T23:00:00.000Z');
		expect(new Date(end).toISOString()).toBe('2025-12-31T23:00:00.000Z');
		// Summer time: midnight in Berlin is 22:00 UTC.
		expect(new Date(periodBounds({ from: '2025-07-01', to: '2025-07-31' }).start).toISOString()).toBe(
			'2025-06-30T22:00:00.000Z'
		);
		const lateOnNewYearsEve = Date.parse('2025-12-31T22:30:00Z');
		const earlyOnNewYearsDay = Date.parse('2025-12-31T23:30:00Z');
		expect(lateOnNewYearsEve >= start && lateOnNewYearsEve < end).toBe(true);
		expect(earlyOnNewYearsDay < end).toBe(false);
	});

	it('writes a period back as the shortest query', () => {
		expect(periodQuery({ from: '2025-01-01', to: '2025-12-31' })).toBe('year=2025');
		expect(periodQuery({ from: '2025-01-01', to: '2025-06-30' })).toBe('from=2025-01-01&to=2025-06-30');
	});
});
