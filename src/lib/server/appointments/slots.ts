import { error } from '@sveltejs/kit';
import { and, asc, count, eq, gt, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import { ACTIVE_APPOINTMENT_STATUSES } from '$lib/domain';
import { recordAuditIn } from '../audit';
import { db, isUniqueViolation } from '../db';
import { keysetPage } from '../db/keyset';
import { appointmentEvents, appointments, officeHourSlots, participants } from '../db/schema';
import { currentCaseworker } from '../participants';
import { appointmentAccess, canKeepOfficeHours, type AccessTo, type Actor } from '../policy';
import { clashesWith, type Clash } from './clashes';
import type { OfficeHoursInput } from './schema';
import { addDays, berlinWallTime, isCalendarDate, withinReach } from './time';

const MINUTE = 60 * 1000;
/** A slot must be booked at least this long before it starts, so the caseworker can see it coming. */
export const BOOKING_LEAD_MS = 2 * 60 * MINUTE;
/** How far ahead the participant sees free slots. */
export const BOOKING_HORIZON_DAYS = 56;

export type OfficeHoursResult =
	{ ok: true; created: number; skipped: number } | { ok: false; reason: string; field?: string };

/**
 * Office hours as bookable slots: from–to on a date, cut into slots of `length` minutes, repeated weekly.
 * Each week is computed on the clock in Germany, so 9:00 stays 9:00 across the change to summer time.
 * Slots that already exist at the same time are skipped, not doubled.
 */
export async function addOfficeHours(
	actor: Actor,
	input: OfficeHoursInput,
	now = new Date()
): Promise<OfficeHoursResult> {
	if (!canKeepOfficeHours(actor)) error(404, 'error.not_found');
	const slots: { startsAt: Date; endsAt: Date }[] = [];
	if (!isCalendarDate(input.date)) return { ok: false, reason: 'appointments.date_invalid', field: 'date' };
	for (let week = 0; week <= input.weeks; week++) {
		const date = addDays(input.date, week * 7);
		const from = berlinWallTime(date, input.start);
		const to = berlinWallTime(date, input.end);
		if (!from.ok) {
			return { ok: false, reason: `appointments.time_${from.reason}`, field: week === 0 ? 'start' : 'weeks' };
		}
		if (!to.ok) return { ok: false, reason: `appointments.time_${to.reason}`, field: week === 0 ? 'end' : 'weeks' };
		if (to.at.getTime() <= from.at.getTime()) {
			return { ok: false, reason: 'appointments.end_before_start', field: 'end' };
		}
		if (to.at.getTime() - from.at.getTime() < input.length * MINUTE) {
			return { ok: false, reason: 'appointments.shorter_than_slot', field: 'end' };
		}
		if (week === 0 && from.at.getTime() <= now.getTime()) {
			return { ok: false, reason: 'appointments.in_the_past', field: 'date' };
		}
		if (!withinReach(from.at, now)) return { ok: false, reason: 'appointments.date_out_of_range', field: 'date' };
		for (let t = from.at.getTime(); t + input.length * MINUTE <= to.at.getTime(); t += input.length * MINUTE) {
			slots.push({ startsAt: new Date(t), endsAt: new Date(t + input.length * MINUTE) });
		}
	}
	let created = 0;
	db.transaction((tx) => {
		for (const slot of slots) {
			const result = tx
				.insert(officeHourSlots)
				.values({ id: crypto.randomUUID(), caseworkerId: actor.id, ...slot, mode: input.mode, place: input.place })
				.onConflictDoNothing()
				.run();
			created += result.changes;
		}
		recordAuditIn(tx, { actor, action: 'office_hours.changed', detail: { added: created } });
	});
	return { ok: true, created, skipped: slots.length - created };
}

// Spelled out with table names: in a one-table select drizzle writes columns unqualified, and "slot_id" = "id"
// inside the subquery would then compare the appointment with itself.
const holder = sql<
	string | null
>`(select "appointments"."participant_id" from "appointments" where "appointments"."slot_id" = "office_hour_slots"."id"
	and "appointments"."status" in ('requested', 'confirmed', 'done') limit 1)`;

/** A caseworker's own slots from `from` on, each with who holds it (if anyone). */
export async function officeHoursOf(caseworkerId: string, from: Date) {
	return slotsWhere(comingSlotsOf(caseworkerId, from), [asc(officeHourSlots.startsAt)]);
}

/** The office-hours page: the coming slots, soonest first, 50 at a time (hours can be added weeks ahead). */
export async function officeHoursPage(caseworkerId: string, from: Date, cursor: string | null) {
	const where = comingSlotsOf(caseworkerId, from);
	return keysetPage({
		list: 'office-hours',
		cursor,
		columns: [officeHourSlots.startsAt, officeHourSlots.id],
		keyOf: (slot: { startsAt: Date; id: string }) => [slot.startsAt.getTime(), slot.id],
		rows: (key, orderBy, limit) => slotsWhere(and(where, key), orderBy, limit),
		count: async () => (await db.select({ n: count() }).from(officeHourSlots).where(where))[0].n
	});
}

function comingSlotsOf(caseworkerId: string, from: Date): SQL | undefined {
	return and(
		eq(officeHourSlots.caseworkerId, caseworkerId),
		isNull(officeHourSlots.removedAt),
		gt(officeHourSlots.endsAt, from)
	);
}

async function slotsWhere(where: SQL | undefined, orderBy: SQL[], limit?: number) {
	const query = db
		.select({ slot: officeHourSlots, participantId: holder })
		.from(officeHourSlots)
		.where(where)
		.orderBy(...orderBy);
	const rows = await (limit === undefined ? query : query.limit(limit));
	const ids = [...new Set(rows.map((r) => r.participantId).filter((id): id is string => id !== null))];
	const names =
		ids.length === 0
			? []
			: await db
					.select({ id: participants.id, givenName: participants.givenName, familyName: participants.familyName })
					.from(participants)
					.where(inArray(participants.id, ids));
	const byId = new Map(names.map((n) => [n.id, `${n.givenName} ${n.familyName}`]));
	return rows.map((r) => ({
		...r.slot,
		heldBy: r.participantId === null ? null : { id: r.participantId, name: byId.get(r.participantId) ?? '' }
	}));
}

/** Takes a free slot out of the office hours; a booked one must be cancelled or moved first. */
export async function removeSlot(
	actor: Actor,
	slotId: string,
	now = new Date()
): Promise<{ ok: boolean; reason?: string }> {
	const [slot] = await db
		.select()
		.from(officeHourSlots)
		.where(
			and(eq(officeHourSlots.id, slotId), eq(officeHourSlots.caseworkerId, actor.id), isNull(officeHourSlots.removedAt))
		);
	if (slot === undefined) error(404, 'error.not_found');
	const [held] = await db
		.select({ id: appointments.id })
		.from(appointments)
		.where(and(eq(appointments.slotId, slotId), inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES])));
	if (held !== undefined) return { ok: false, reason: 'appointments.slot_booked' };
	db.transaction((tx) => {
		tx.update(officeHourSlots).set({ removedAt: now }).where(eq(officeHourSlots.id, slotId)).run();
		recordAuditIn(tx, { actor, action: 'office_hours.changed', detail: { removed: slotId } });
	});
	return { ok: true };
}

/** The free slots of the participant's current caseworker that can still be booked. */
export async function freeSlotsFor(access: AccessTo<'appointments'>, now = new Date()) {
	const caseworker = await currentCaseworker(access);
	if (caseworker === null) return { caseworker: null, slots: [] };
	const slots = await db
		.select()
		.from(officeHourSlots)
		.where(
			and(
				eq(officeHourSlots.caseworkerId, caseworker.id),
				isNull(officeHourSlots.removedAt),
				gt(officeHourSlots.startsAt, new Date(now.getTime() + BOOKING_LEAD_MS)),
				lt(officeHourSlots.startsAt, new Date(now.getTime() + BOOKING_HORIZON_DAYS * 24 * 60 * MINUTE)),
				sql`${holder} is null`
			)
		)
		.orderBy(asc(officeHourSlots.startsAt));
	return { caseworker, slots };
}

export type BookResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'appointments.slot_taken' | 'appointments.slot_gone' }
	| { ok: false; reason: 'appointments.slot_clash'; clash: Clash };

/**
 * The participant books one of their caseworker's free slots; it waits for the caseworker's confirmation.
 * Two people tapping the same slot at once: the unique index on live slot bookings lets only one win.
 */
export async function bookSlot(
	actor: Actor,
	participantId: string,
	slotId: string,
	kind: 'office_consultation' | 'phone_call',
	message: string,
	now = new Date(),
	clash: 'ask' | 'accepted' = 'ask'
): Promise<BookResult> {
	const access = await appointmentAccess(actor, participantId);
	if (access === null || !access.book) error(404, 'error.not_found');
	const caseworker = await currentCaseworker(access);
	const [slot] = await db
		.select()
		.from(officeHourSlots)
		.where(and(eq(officeHourSlots.id, slotId), isNull(officeHourSlots.removedAt)));
	if (
		slot === undefined ||
		caseworker === null ||
		slot.caseworkerId !== caseworker.id ||
		slot.startsAt.getTime() <= now.getTime() + BOOKING_LEAD_MS
	) {
		return { ok: false, reason: 'appointments.slot_gone' };
	}
	if (clash === 'ask') {
		const clashing = (await clashesWith(access, [slot])).get(slot.id);
		if (clashing !== undefined) return { ok: false, reason: 'appointments.slot_clash', clash: clashing };
	}
	const id = crypto.randomUUID();
	try {
		db.transaction((tx) => {
			tx.insert(appointments)
				.values({
					id,
					participantId,
					kind: slot.mode === 'phone' ? 'phone_call' : kind,
					startsAt: slot.startsAt,
					endsAt: slot.endsAt,
					place: slot.mode === 'phone' ? '' : slot.place,
					status: 'requested',
					awaiting: 'staff',
					staffId: slot.caseworkerId,
					slotId: slot.id,
					createdBy: actor.id
				})
				.run();
			tx.insert(appointmentEvents).values({ appointmentId: id, actorId: actor.id, action: 'requested', message }).run();
		});
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, reason: 'appointments.slot_taken' };
		throw e;
	}
	return { ok: true, id };
}
