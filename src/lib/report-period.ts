import { TZDate } from '@date-fns/tz';
import type { ReportPeriod } from './figures';
import { dayInGermany, TIME_ZONE } from './i18n/format';

/** The earliest and latest year a report can be asked for: typos like 20026 are refused, not computed. */
export const FIRST_REPORT_YEAR = 2015;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export type PeriodOutcome = { ok: true; period: ReportPeriod; year: number | null } | { ok: false; reason: string };

/**
 * The default: the current calendar year, except in January, when the yearly report for the year before is
 * due (by 31 January) and that is what people open the page for.
 */
export function defaultReportYear(today = dayInGermany()): number {
	const [year, month] = today.split('-').map(Number);
	return month === 1 ? year - 1 : year;
}

export function yearPeriod(year: number): ReportPeriod {
	return { from: `${year}-01-01`, to: `${year}-12-31` };
}

function isDay(text: string): boolean {
	const match = DAY.exec(text);
	if (match === null) return false;
	const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The period a report URL asks for: `?year=2026`, or `?from=YYYY-MM-DD&to=YYYY-MM-DD` (both inclusive German
 * calendar days), or none (the default year). A bad value is answered with a translation key, never guessed.
 */
export function parseReportPeriod(params: URLSearchParams, today = dayInGermany()): PeriodOutcome {
	const lastYear = Number(today.slice(0, 4)) + 1;
	const from = params.get('from') ?? '';
	const to = params.get('to') ?? '';
	if (from !== '' || to !== '') {
		if (!isDay(from) || !isDay(to)) return { ok: false, reason: 'report.period_invalid' };
		if (from > to) return { ok: false, reason: 'report.period_reversed' };
		if (Number(from.slice(0, 4)) < FIRST_REPORT_YEAR || Number(to.slice(0, 4)) > lastYear) {
			return { ok: false, reason: 'report.period_out_of_range' };
		}
		return { ok: true, period: { from, to }, year: null };
	}
	const text = params.get('year');
	if (text === null || text === '') {
		const year = defaultReportYear(today);
		return { ok: true, period: yearPeriod(year), year };
	}
	if (!/^\d{4}$/.test(text)) return { ok: false, reason: 'report.period_invalid' };
	const year = Number(text);
	if (year < FIRST_REPORT_YEAR || year > lastYear) return { ok: false, reason: 'report.period_out_of_range' };
	return { ok: true, period: yearPeriod(year), year };
}

/** Midnight at the start of a German calendar day, as UTC milliseconds (23:00 or 22:00 UTC the day before). */
export function berlinMidnight(day: string): number {
	const [y, m, d] = day.split('-').map(Number);
	return new TZDate(y, m - 1, d, 0, 0, TIME_ZONE).getTime();
}

/**
 * The instants a period covers, half-open [start, end): stored timestamps are UTC milliseconds, and a contact at
 * 23:30 on 31 December in Berlin (22:30 UTC) is in that year, one at 00:30 on 1 January (23:30 UTC the day
 * before) in the next.
 */
export function periodBounds(period: ReportPeriod): { start: number; end: number } {
	const [y, m, d] = period.to.split('-').map(Number);
	const after = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
	return { start: berlinMidnight(period.from), end: berlinMidnight(after) };
}

/** The query string that asks for a period again (links, drill-downs, the picker). */
export function periodQuery(period: ReportPeriod): string {
	const year = period.from.slice(0, 4);
	if (period.from === `${year}-01-01` && period.to === `${year}-12-31`) return `year=${year}`;
	return `from=${period.from}&to=${period.to}`;
}
