import { error } from '@sveltejs/kit';
import { alias } from 'drizzle-orm/sqlite-core';
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { CASEWORKER_KINDS } from '$lib/domain';
import { recordAudit, recordAuditIn } from '../audit';
import { db, type Tx } from '../db';
import { CHANGED_MEANWHILE, exactlyOne, seenOtherState, writeIfUnchanged, type Seen } from '../db/conditional';
import { appointmentEvents, appointments, participants, users, type Appointment } from '../db/schema';
import { volunteersSharingAppointments } from '../consent';
import { appointmentAccess, byOther, type AccessTo, type Actor, type AppointmentAccess } from '../policy';
import {
	CHANGES,
	canEditDetails,
	canReschedule,
	mayNameCompanion,
	type Change,
	type ChangeName
} from '../policy/appointments';
import type { AppointmentInput, DetailsInput } from './schema';
import { appointmentTimes, type TimeRange } from './time';

export type AppointmentEventAction = (typeof appointmentEvents.$inferInsert)['action'];
export type WriteResult = { ok: true; id: string } | { ok: false; reason: string; field?: string };

/** Opens a participant's appointments for an actor, or 404; a look by anyone but the participant is audited. */
export async function openAppointments(actor: Actor, participantId: string): Promise<AppointmentAccess> {
	const access = await appointmentAccess(actor, participantId);
	if (access === null) error(404, 'error.not_found');
	if (byOther(access)) await recordAudit({ actor, action: 'appointments.viewed', participantId });
	return access;
}

const staff = alias(users, 'staff');
const companion = alias(users, 'companion');
const creator = alias(users, 'creator');

export type AppointmentWithPeople = Appointment & {
	staffName: string | null;
	companionName: string | null;
	createdByName: string;
	createdByRole: string;
};

/** All of one participant's appointments (or one of them), oldest first, with the people involved. */
export async function appointmentsOf(
	access: AccessTo<'appointments'>,
	appointmentId?: string
): Promise<AppointmentWithPeople[]> {
	return appointmentRows(
		and(
			eq(appointments.participantId, access.participantId),
			appointmentId === undefined ? undefined : eq(appointments.id, appointmentId)
		),
		[asc(appointments.startsAt)]
	);
}

/** Appointments with the people involved, under any condition: the list readers in `lists.ts` page through it. */
export async function appointmentRows(
	where: SQL | undefined,
	orderBy: SQL[],
	limit?: number
): Promise<AppointmentWithPeople[]> {
	const query = db
		.select({
			a: appointments,
			staffName: staff.displayName,
			companionName: companion.displayName,
			createdByName: creator.displayName,
			createdByRole: creator.role
		})
		.from(appointments)
		.leftJoin(staff, eq(appointments.staffId, staff.id))
		.leftJoin(companion, eq(appointments.companionId, companion.id))
		.innerJoin(creator, eq(appointments.createdBy, creator.id))
		.where(where)
		.orderBy(...orderBy);
	const rows = await (limit === undefined ? query : query.limit(limit));
	return rows.map((r) => ({
		...r.a,
		staffName: r.staffName,
		companionName: r.companionName,
		createdByName: r.createdByName,
		createdByRole: r.createdByRole
	}));
}

export async function eventsOf(appointmentIds: string[]) {
	if (appointmentIds.length === 0) return [];
	return db
		.select({
			appointmentId: appointmentEvents.appointmentId,
			at: appointmentEvents.at,
			action: appointmentEvents.action,
			message: appointmentEvents.message,
			actorName: users.displayName,
			actorRole: users.role
		})
		.from(appointmentEvents)
		.leftJoin(users, eq(appointmentEvents.actorId, users.id))
		.where(inArray(appointmentEvents.appointmentId, appointmentIds))
		.orderBy(asc(appointmentEvents.id));
}

/** Volunteers who may be asked to go along: those this person currently shares appointments with. */
export async function possibleCompanions(access: AccessTo<'appointments'>) {
	const ids = await volunteersSharingAppointments(access);
	if (ids.length === 0) return [];
	return db
		.select({ id: users.id, name: users.displayName })
		.from(users)
		.where(and(inArray(users.id, ids), eq(users.role, 'volunteer'), eq(users.active, true)));
}

/**
 * Who goes along: nobody, or one of the volunteers the person shares appointments with. A volunteer can name
 * only themselves.
 */
async function chosenCompanion(
	actor: Actor,
	access: AppointmentAccess,
	participantId: string,
	chosen: string
): Promise<{ ok: true; id: string | null } | { ok: false }> {
	if (chosen === '') return { ok: true, id: null };
	if (!mayNameCompanion(access, chosen)) return { ok: false };
	return (await possibleCompanions(access)).some((c) => c.id === chosen) ? { ok: true, id: chosen } : { ok: false };
}

/** A person without an account cannot answer in the app, so what staff make for them needs no answer. */
async function hasAccount(participantId: string): Promise<boolean> {
	const [person] = await db
		.select({ userId: participants.userId })
		.from(participants)
		.where(eq(participants.id, participantId));
	return person !== undefined && person.userId !== null;
}

function logEvent(tx: Tx, appointmentId: string, actor: Actor, action: AppointmentEventAction, message = '') {
	tx.insert(appointmentEvents).values({ appointmentId, actorId: actor.id, action, message }).run();
}

function auditChange(
	tx: Tx,
	actor: Actor,
	participantId: string,
	appointmentId: string,
	action: AppointmentEventAction
) {
	if (actor.participantId !== participantId) {
		recordAuditIn(tx, { actor, action: 'appointment.changed', participantId, detail: { appointmentId, action } });
	}
}

/**
 * Updates the appointment only if it is still in the status and version it was read in; otherwise the
 * transaction rolls back as "changed meanwhile" (two answers sent at once: the second changes nothing).
 */
function updateIfUnchanged(tx: Tx, row: Appointment, set: Partial<typeof appointments.$inferInsert>) {
	exactlyOne(
		tx
			.update(appointments)
			.set({ ...set, version: sql`${appointments.version} + 1` })
			.where(
				and(eq(appointments.id, row.id), eq(appointments.status, row.status), eq(appointments.version, row.version))
			)
			.run()
	);
}

const changedMeanwhile = { ok: false, reason: CHANGED_MEANWHILE } as const;

function timesOf(input: { date: string; start: string; end: string }, now: Date): TimeRange {
	return appointmentTimes(input.date, input.start, input.end, now);
}

/**
 * A new appointment. Staff make any kind for the person (waiting for the person's answer unless already
 * agreed); the person (or a volunteer with "appointments edit") adds one they got elsewhere, which needs no
 * answer. Meetings with the caseworker are booked from office hours, not typed in by the participant.
 */
export async function createAppointment(
	actor: Actor,
	participantId: string,
	input: AppointmentInput,
	now = new Date()
): Promise<WriteResult> {
	const access = await appointmentAccess(actor, participantId);
	if (access === null || (!access.manage && !access.addOwn)) error(404, 'error.not_found');
	if (!access.manage && (CASEWORKER_KINDS as readonly string[]).includes(input.kind)) {
		return { ok: false, reason: 'appointments.book_instead', field: 'kind' };
	}
	const times = timesOf(input, now);
	if (!times.ok) return { ok: false, reason: times.reason, field: times.field };
	const companion = await chosenCompanion(actor, access, participantId, input.companionId);
	if (!companion.ok) return { ok: false, reason: 'form.pick_option', field: 'companionId' };
	const companionId = companion.id;
	const needsAnswer = access.manage && input.agreed !== 'yes' && (await hasAccount(participantId));
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		tx.insert(appointments)
			.values({
				id,
				participantId,
				kind: input.kind,
				title: input.title,
				startsAt: times.startsAt,
				endsAt: times.endsAt,
				place: input.place,
				address: input.address,
				directions: input.directions,
				bring: input.bring,
				bringNote: input.bringNote,
				note: input.note,
				status: needsAnswer ? 'requested' : 'confirmed',
				awaiting: needsAnswer ? 'participant' : null,
				staffId: access.manage && input.staffTakesPart === 'yes' ? actor.id : null,
				companionId,
				createdBy: actor.id
			})
			.run();
		logEvent(tx, id, actor, 'created');
		auditChange(tx, actor, participantId, id, 'created');
	});
	return { ok: true, id };
}

export { CHANGES, canEditDetails, changesAllowed, type ChangeName } from '../policy/appointments';

async function loadFor(actor: Actor, participantId: string, appointmentId: string) {
	const access = await appointmentAccess(actor, participantId);
	if (access === null) error(404, 'error.not_found');
	const [row] = await db
		.select()
		.from(appointments)
		.where(and(eq(appointments.id, appointmentId), eq(appointments.participantId, participantId)));
	if (row === undefined) error(404, 'error.not_found');
	return { access, row };
}

export async function changeAppointment(
	actor: Actor,
	participantId: string,
	appointmentId: string,
	name: ChangeName,
	message: string,
	now = new Date(),
	seen?: Seen
): Promise<WriteResult> {
	const { access, row } = await loadFor(actor, participantId, appointmentId);
	if (seenOtherState(row, seen)) return changedMeanwhile;
	const change = CHANGES[name] as Change;
	if (!change.allowed(row, access, actor, now)) return { ok: false, reason: 'appointments.not_now' };
	const next = change.next(row, access);
	const written = writeIfUnchanged((tx) => {
		updateIfUnchanged(tx, row, { ...next, updatedAt: now });
		logEvent(tx, row.id, actor, change.action, message);
		auditChange(tx, actor, participantId, row.id, change.action);
	});
	return written.ok ? { ok: true, id: row.id } : written;
}

/** Changes where, what to bring, notes and who goes along; the time changes only by moving the appointment. */
export async function updateAppointmentDetails(
	actor: Actor,
	participantId: string,
	appointmentId: string,
	input: Omit<DetailsInput, 'appointmentId' | 'seenStatus' | 'seenVersion'>,
	now = new Date(),
	seen?: Seen
): Promise<WriteResult> {
	const { access, row } = await loadFor(actor, participantId, appointmentId);
	if (seenOtherState(row, seen)) return changedMeanwhile;
	if (!canEditDetails(row, access, actor)) return { ok: false, reason: 'appointments.not_now' };
	const companion = await chosenCompanion(actor, access, participantId, input.companionId);
	if (!companion.ok) return { ok: false, reason: 'form.pick_option', field: 'companionId' };
	// A volunteer can take themselves off, but not someone else.
	const keepsOther =
		access.relation === 'consented_volunteer' && input.companionId === '' && row.companionId !== actor.id;
	const companionId = keepsOther ? row.companionId : companion.id;
	const written = writeIfUnchanged((tx) => {
		updateIfUnchanged(tx, row, { ...input, companionId, updatedAt: now });
		logEvent(tx, row.id, actor, 'updated');
		auditChange(tx, actor, participantId, row.id, 'updated');
	});
	return written.ok ? { ok: true, id: row.id } : written;
}

/**
 * Moves an appointment: the old one stays in the history as "rescheduled", a new one takes its place and
 * waits for the person's answer. The office-hour slot, if any, is given back.
 */
export async function rescheduleAppointment(
	actor: Actor,
	participantId: string,
	appointmentId: string,
	when: { date: string; start: string; end: string },
	message: string,
	now = new Date(),
	seen?: Seen
): Promise<WriteResult> {
	const { access, row } = await loadFor(actor, participantId, appointmentId);
	if (seenOtherState(row, seen)) return changedMeanwhile;
	if (!canReschedule(row, access)) {
		return { ok: false, reason: 'appointments.not_now' };
	}
	const times = timesOf(when, now);
	if (!times.ok) return { ok: false, reason: times.reason, field: times.field };
	if (times.startsAt.getTime() <= now.getTime()) {
		return { ok: false, reason: 'appointments.in_the_past', field: 'date' };
	}
	const answers = await hasAccount(participantId);
	const id = crypto.randomUUID();
	const written = writeIfUnchanged((tx) => {
		// Two moves at once: only the first finds the old one still live, so only one replacement is made.
		updateIfUnchanged(tx, row, { status: 'rescheduled', awaiting: null, updatedAt: now });
		logEvent(tx, row.id, actor, 'rescheduled', message);
		const { id: _old, createdAt: _c, updatedAt: _u, slotId: _s, version: _v, ...details } = row;
		tx.insert(appointments)
			.values({
				...details,
				id,
				startsAt: times.startsAt,
				endsAt: times.endsAt,
				status: answers ? 'requested' : 'confirmed',
				awaiting: answers ? 'participant' : null,
				replacesId: row.id,
				createdBy: actor.id
			})
			.run();
		logEvent(tx, id, actor, 'created', message);
		auditChange(tx, actor, participantId, row.id, 'rescheduled');
	});
	return written.ok ? { ok: true, id } : written;
}
