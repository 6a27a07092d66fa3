import { describe, expect, it } from 'vitest';
import { addDays, appointmentTimes, berlinParts, berlinWallTime, MAX_DURATION_MS } from './time';

const instant = (iso: string) => new Date(iso);
const at = (date: string, time: string) => {
	const result = berlinWallTime(date, time);
	if (!result.ok) throw new Error(`${date} ${time}: ${result.reason}`);
	return result.at;
};

describe('berlinWallTime', () => {
	it('winter time is UTC+1, summer time UTC+2', () => {
		expect(berlinWallTime('2027-01-15', '10:00')).toEqual({ ok: true, at: instant('2027-01-15T09:00:00Z') });
		expect(berlinWallTime('2027-07-15', '10:00')).toEqual({ ok: true, at: instant('2027-07-15T08:00:00Z') });
		expect(berlinWallTime('2027-12-31', '23:59')).toEqual({ ok: true, at: instant('2027-12-31T22:59:00Z') });
		expect(berlinWallTime('2027-06-01', '00:00')).toEqual({ ok: true, at: instant('2027-05-31T22:00:00Z') });
	});

	it('the hour skipped on the last Sunday of March does not exist; the hours around it do', () => {
		expect(berlinWallTime('2027-03-28', '02:30')).toEqual({ ok: false, reason: 'nonexistent' });
		expect(berlinWallTime('2027-03-28', '02:00')).toEqual({ ok: false, reason: 'nonexistent' });
		expect(berlinWallTime('2027-03-28', '01:59')).toEqual({ ok: true, at: instant('2027-03-28T00:59:00Z') });
		expect(berlinWallTime('2027-03-28', '03:00')).toEqual({ ok: true, at: instant('2027-03-28T01:00:00Z') });
		// Not every Sunday in March: a week earlier 02:30 is an ordinary winter time.
		expect(berlinWallTime('2027-03-21', '02:30')).toEqual({ ok: true, at: instant('2027-03-21T01:30:00Z') });
	});

	it('the hour repeated on the last Sunday of October means the first one (summer time)', () => {
		expect(berlinWallTime('2027-10-31', '02:30')).toEqual({ ok: true, at: instant('2027-10-31T00:30:00Z') });
		expect(berlinWallTime('2027-10-31', '02:00')).toEqual({ ok: true, at: instant('2027-10-31T00:00:00Z') });
		expect(berlinWallTime('2027-10-31', '01:30')).toEqual({ ok: true, at: instant('2027-10-30T23:30:00Z') });
		expect(berlinWallTime('2027-10-31', '03:00')).toEqual({ ok: true, at: instant('2027-10-31T02:00:00Z') });
	});

	it('refuses dates and times that are not on any calendar or clock', () => {
		for (const [date, time] of [
			['2027-02-30', '10:00'],
			['2027-02-29', '10:00'],
			['2027-04-31', '10:00'],
			['2027-13-01', '10:00'],
			['2027-00-10', '10:00'],
			['2027-3-1', '10:00'],
			['01.03.2027', '10:00'],
			['', '10:00'],
			['2027-03-01', '24:00'],
			['2027-03-01', '23:60'],
			['2027-03-01', '9:00'],
			['2027-03-01', '09:00:00'],
			['2027-03-01', '']
		]) {
			expect(berlinWallTime(date, time), `${date} ${time}`).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(berlinWallTime('2028-02-29', '10:00')).toEqual({ ok: true, at: instant('2028-02-29T09:00:00Z') });
	});
});

describe('appointmentTimes', () => {
	const now = instant('2027-01-10T12:00:00Z');

	it('a normal appointment', () => {
		expect(appointmentTimes('2027-03-01', '09:30', '10:15', now)).toEqual({
			ok: true,
			startsAt: instant('2027-03-01T08:30:00Z'),
			endsAt: instant('2027-03-01T09:15:00Z')
		});
	});

	it('end before or equal to start', () => {
		expect(appointmentTimes('2027-03-01', '10:00', '09:00', now)).toEqual({
			ok: false,
			field: 'end',
			reason: 'appointments.end_before_start'
		});
		expect(appointmentTimes('2027-03-01', '10:00', '10:00', now)).toEqual({
			ok: false,
			field: 'end',
			reason: 'appointments.end_before_start'
		});
	});

	it('at most 12 hours', () => {
		expect(appointmentTimes('2027-03-01', '06:00', '18:01', now)).toEqual({
			ok: false,
			field: 'end',
			reason: 'appointments.too_long'
		});
		const twelve = appointmentTimes('2027-03-01', '06:00', '18:00', now);
		expect(twelve.ok && twelve.endsAt.getTime() - twelve.startsAt.getTime()).toBe(MAX_DURATION_MS);
	});

	it('a date decades away or more than a year back is refused on the date field', () => {
		expect(appointmentTimes('2062-03-01', '10:00', '11:00', now)).toEqual({
			ok: false,
			field: 'date',
			reason: 'appointments.date_out_of_range'
		});
		expect(appointmentTimes('2025-12-01', '10:00', '11:00', now)).toEqual({
			ok: false,
			field: 'date',
			reason: 'appointments.date_out_of_range'
		});
		expect(appointmentTimes('2029-01-11', '10:00', '11:00', now)).toEqual({
			ok: false,
			field: 'date',
			reason: 'appointments.date_out_of_range'
		});
		// Within reach: a recent past appointment (entered afterwards) and one 23 months ahead.
		expect(appointmentTimes('2026-02-01', '10:00', '11:00', now).ok).toBe(true);
		expect(appointmentTimes('2028-12-01', '10:00', '11:00', now).ok).toBe(true);
	});

	it('names the field that is wrong', () => {
		expect(appointmentTimes('1.3.2027', '10:00', '11:00', now)).toEqual({
			ok: false,
			field: 'date',
			reason: 'appointments.date_invalid'
		});
		expect(appointmentTimes('2027-02-30', '10:00', '11:00', now)).toEqual({
			ok: false,
			field: 'date',
			reason: 'appointments.date_invalid'
		});
		expect(appointmentTimes('2027-03-01', '25:00', '11:00', now)).toEqual({
			ok: false,
			field: 'start',
			reason: 'appointments.time_invalid'
		});
		expect(appointmentTimes('2027-03-01', '10:00', '11:75', now)).toEqual({
			ok: false,
			field: 'end',
			reason: 'appointments.time_invalid'
		});
		expect(appointmentTimes('2027-03-28', '02:30', '04:00', now)).toEqual({
			ok: false,
			field: 'start',
			reason: 'appointments.time_nonexistent'
		});
		expect(appointmentTimes('2027-03-28', '01:00', '02:15', now)).toEqual({
			ok: false,
			field: 'end',
			reason: 'appointments.time_nonexistent'
		});
	});

	it('an appointment over the night the clocks change lasts the real time in between', () => {
		const spring = appointmentTimes('2027-03-28', '01:00', '04:00', now);
		expect(spring).toEqual({
			ok: true,
			startsAt: instant('2027-03-28T00:00:00Z'),
			endsAt: instant('2027-03-28T02:00:00Z')
		});
		const autumn = appointmentTimes('2027-10-31', '01:00', '04:00', now);
		expect(autumn).toEqual({
			ok: true,
			startsAt: instant('2027-10-30T23:00:00Z'),
			endsAt: instant('2027-10-31T03:00:00Z')
		});
		const hours = (r: typeof spring) => (r.ok ? (r.endsAt.getTime() - r.startsAt.getTime()) / 3_600_000 : NaN);
		expect([hours(spring), hours(autumn)]).toEqual([2, 4]);
	});
});

describe('berlinParts', () => {
	it('shows the German clock for an instant', () => {
		expect(berlinParts(instant('2027-01-15T09:00:00Z'))).toEqual({ date: '2027-01-15', time: '10:00' });
		expect(berlinParts(instant('2027-07-15T22:30:00Z'))).toEqual({ date: '2027-07-16', time: '00:30' });
		expect(berlinParts(instant('2027-03-28T01:00:00Z'))).toEqual({ date: '2027-03-28', time: '03:00' });
		expect(berlinParts(instant('2027-10-31T00:30:00Z'))).toEqual({ date: '2027-10-31', time: '02:30' });
		expect(berlinParts(instant('2027-10-31T01:30:00Z'))).toEqual({ date: '2027-10-31', time: '02:30' });
	});

	it('round-trips with berlinWallTime every quarter hour of a year, except the repeated hour’s second pass', () => {
		const start = instant('2027-01-01T00:00:00Z').getTime();
		const end = instant('2028-01-01T00:00:00Z').getTime();
		const mismatches: string[] = [];
		let checked = 0;
		for (let t = start; t < end; t += 15 * 60 * 1000) {
			const parts = berlinParts(new Date(t));
			const back = at(parts.date, parts.time).getTime();
			checked++;
			if (back !== t) mismatches.push(`${new Date(t).toISOString()} -> ${new Date(back).toISOString()}`);
		}
		expect(checked).toBe(365 * 96);
		// 02:00–02:45 in winter time on 31 October read back as the same clock times in summer time, an hour earlier.
		expect(mismatches).toEqual([
			'2027-10-31T01:00:00.000Z -> 2027-10-31T00:00:00.000Z',
			'2027-10-31T01:15:00.000Z -> 2027-10-31T00:15:00.000Z',
			'2027-10-31T01:30:00.000Z -> 2027-10-31T00:30:00.000Z',
			'2027-10-31T01:45:00.000Z -> 2027-10-31T00:45:00.000Z'
		]);
	});
});

describe('addDays', () => {
	it('counts calendar days, also across the clock changes, month and year ends', () => {
		expect(addDays('2027-03-27', 1)).toBe('2027-03-28');
		expect(addDays('2027-03-28', 1)).toBe('2027-03-29');
		expect(addDays('2027-03-22', 7)).toBe('2027-03-29');
		expect(addDays('2027-10-30', 1)).toBe('2027-10-31');
		expect(addDays('2027-10-31', 1)).toBe('2027-11-01');
		expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
		expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
		expect(addDays('2027-03-29', -7)).toBe('2027-03-22');
		expect(addDays('2027-03-01', 0)).toBe('2027-03-01');
	});

	it('a week later at the same clock time is 167 hours later over the March change, 169 over the October one', () => {
		const hoursBetween = (date: string, time: string) =>
			(at(addDays(date, 7), time).getTime() - at(date, time).getTime()) / 3_600_000;
		expect(hoursBetween('2027-03-15', '09:00')).toBe(168);
		expect(hoursBetween('2027-03-22', '09:00')).toBe(167);
		expect(hoursBetween('2027-03-25', '09:00')).toBe(167);
		expect(hoursBetween('2027-10-28', '09:00')).toBe(169);
		expect(berlinParts(at(addDays('2027-03-25', 7), '09:00'))).toEqual({ date: '2027-04-01', time: '09:00' });
	});
});
