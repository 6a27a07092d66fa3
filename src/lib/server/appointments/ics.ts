import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalEventStatus } from 'ical-generator';
import { TIME_ZONE } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { Appointment } from '../db/schema';
import { translatorFor } from '../i18n';

const STATUS: Partial<Record<Appointment['status'], ICalEventStatus>> = {
	requested: ICalEventStatus.TENTATIVE,
	confirmed: ICalEventStatus.CONFIRMED,
	done: ICalEventStatus.CONFIRMED,
	declined: ICalEventStatus.CANCELLED,
	cancelled: ICalEventStatus.CANCELLED,
	rescheduled: ICalEventStatus.CANCELLED
};

/**
 * Appointments as an iCalendar file. Times carry TZID=Europe/Berlin with the zone's rules included, so a
 * phone anywhere shows 10:00 for a 10:00 appointment in Germany, summer or winter. A cancelled or moved
 * appointment stays in the feed as CANCELLED so subscribed calendars take it out.
 */
export function appointmentsCalendar(rows: Appointment[], locale: Locale, name: string): string {
	const t = translatorFor(locale);
	// No calendar-wide zone name: ical-generator would then write DTSTAMP and LAST-MODIFIED as floating clock
	// times of the server's own zone, where RFC 5545 wants UTC. Each event names its zone and brings the VTIMEZONE.
	const calendar = ical({
		name,
		prodId: { company: 'Tandem', product: 'appointments', language: locale.toUpperCase() },
		timezone: { name: null, generator: getVtimezoneComponent },
		x: [['X-WR-TIMEZONE', TIME_ZONE]]
	});
	for (const a of rows) {
		const bring = [...a.bring.map((item) => t(`appointments.bring_${item}`)), a.bringNote].filter((s) => s !== '');
		const description = [
			a.note,
			a.directions === '' ? '' : `${t('appointments.directions')}: ${a.directions}`,
			bring.length === 0 ? '' : `${t('appointments.bring')}: ${bring.join(', ')}`
		].filter((s) => s !== '');
		calendar.createEvent({
			id: `${a.id}@tandem`,
			start: new TZDate(a.startsAt.getTime(), TIME_ZONE),
			end: new TZDate(a.endsAt.getTime(), TIME_ZONE),
			timezone: TIME_ZONE,
			stamp: a.updatedAt,
			lastModified: a.updatedAt,
			summary: a.title === '' ? t(`appointments.kind_${a.kind}`) : a.title,
			location: [a.place, a.address].filter((s) => s !== '').join(', ') || null,
			description: description.length === 0 ? null : description.join('\n\n'),
			status: STATUS[a.status] ?? null
		});
	}
	return calendar.toString();
}
