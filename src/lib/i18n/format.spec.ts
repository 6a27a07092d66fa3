import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatTime, formatTimeRange } from './format';

describe('formatting', () => {
	it('shows times in Europe/Berlin, across daylight-saving time', () => {
		expect(formatDateTime('de', new Date('2026-01-15T09:30:00Z'))).toContain('10:30');
		expect(formatDateTime('de', new Date('2026-07-15T09:30:00Z'))).toContain('11:30');
	});

	it('reads times on the 24-hour clock in every language, also where the default is 12 hours', () => {
		const afternoon = new Date('2026-11-26T13:47:00Z');
		expect(formatDateTime('ar', afternoon)).toContain('14:47');
		expect(formatDateTime('en', afternoon)).toContain('14:47');
		expect(formatTime('ti', afternoon)).toBe('14:47');
		expect(formatTime('fa', afternoon)).toBe('۱۴:۴۷');
		expect(formatTimeRange('en', afternoon, new Date('2026-11-26T14:30:00Z'))).not.toMatch(/PM/);
	});

	it('gives Persian readers Gregorian dates with Persian digits', () => {
		const text = formatDate('fa', '2026-03-21');
		expect(text).toContain('۲۰۲۶');
		expect(text).not.toContain('۱۴۰۵');
	});

	it('formats Tigrinya dates with Tigrinya month names (on the server)', () => {
		const text = formatDate('ti', '2026-03-21');
		expect(text).toContain('2026');
		expect(text).not.toMatch(/March/);
	});

	it('uses each locale’s number format', () => {
		expect(formatNumber('de', 1234)).toBe('1.234');
		expect(formatNumber('en', 1234)).toBe('1,234');
		expect(formatNumber('fa', 12)).toBe('۱۲');
	});
});
