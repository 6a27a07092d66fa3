import { and, asc, count, eq, gt, inArray, lte, notInArray, or, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { appointments } from '../db/schema';
import type { AccessTo } from '../policy';
import { appointmentRows, type AppointmentWithPeople } from '.';

/** Moved, cancelled and declined appointments belong to the past even before their time. */
const CLOSED: ('rescheduled' | 'cancelled' | 'declined')[] = ['rescheduled', 'cancelled', 'declined'];

function stillToCome(now: Date): SQL | undefined {
	return and(gt(appointments.endsAt, now), notInArray(appointments.status, CLOSED));
}

function over(now: Date): SQL | undefined {
	return or(lte(appointments.endsAt, now), inArray(appointments.status, CLOSED));
}

/** What is still to come, soonest first: bounded by the domain (the next weeks' appointments), so not paged. */
export async function upcomingAppointmentsOf(access: AccessTo<'appointments'>, now = new Date()) {
	return appointmentRows(and(eq(appointments.participantId, access.participantId), stillToCome(now)), [
		asc(appointments.startsAt)
	]);
}

/** Past, moved and cancelled appointments, latest first, 50 at a time: they pile up over the years. */
export async function pastAppointmentsPage(access: AccessTo<'appointments'>, cursor: string | null, now = new Date()) {
	const where = and(eq(appointments.participantId, access.participantId), over(now));
	return keysetPage({
		list: 'past-appointments',
		cursor,
		columns: [appointments.startsAt, appointments.id],
		descending: true,
		keyOf: (a: AppointmentWithPeople) => [a.startsAt.getTime(), a.id],
		rows: (key, orderBy, limit) => appointmentRows(and(where, key), orderBy, limit),
		count: async () => (await db.select({ n: count() }).from(appointments).where(where))[0].n
	});
}

/** Start and end of the appointments that others on a page replace, where those are not on the page. */
export async function appointmentTimesOf(access: AccessTo<'appointments'>, ids: string[]) {
	if (ids.length === 0) return [];
	return db
		.select({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
		.from(appointments)
		.where(and(eq(appointments.participantId, access.participantId), inArray(appointments.id, ids)));
}
