import { ACTIVE_APPOINTMENT_STATUSES, type AppointmentStatus } from '$lib/domain';
import type { Appointment } from '../db/schema';
import type { AppointmentEventAction } from '../appointments';
import type { Actor } from './access';
import type { AppointmentAccess } from './index';

/**
 * Who may answer, cancel, move and close an appointment, and when. The appointment pages offer exactly what
 * these rules allow; the writers in `appointments/` refuse anything else.
 */
export type Change = {
	/** The action as written to the appointment's history. */
	action: AppointmentEventAction;
	/** May this actor do it to this appointment now? */
	allowed: (a: Appointment, access: AppointmentAccess, actor: Actor, now: Date) => boolean;
	next: (a: Appointment, access: AppointmentAccess) => { status: AppointmentStatus; awaiting: Appointment['awaiting'] };
};

const active = (a: Appointment) => (ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(a.status);
const upcoming = (a: Appointment, now: Date) => a.endsAt.getTime() > now.getTime();
/** A request from the participant's side: booked from office hours, waiting for staff to confirm or decline. */
const bookingRequest = (a: Appointment) => a.status === 'requested' && a.slotId !== null;
/**
 * The side an actor answers for: the person (or their volunteer) answers staff's proposals; staff answer the
 * person's bookings. "Another time, please" on a staff proposal is not a booking: staff move it, cancel it or
 * note it, but cannot confirm the very time the person asked to change.
 */
const answersFor = (a: Appointment, access: AppointmentAccess) =>
	a.status === 'requested' &&
	((a.awaiting === 'staff' && access.manage && a.slotId !== null) || (a.awaiting === 'participant' && access.respond));

export const CHANGES = {
	confirm: {
		action: 'confirmed',
		allowed: (a, access, _actor, now) => upcoming(a, now) && answersFor(a, access),
		next: () => ({ status: 'confirmed', awaiting: null })
	},
	decline: {
		action: 'declined',
		// The person may also call off an appointment they had confirmed ("I cannot come"); staff then see it.
		allowed: (a, access, _actor, now) =>
			upcoming(a, now) && (answersFor(a, access) || (a.status === 'confirmed' && access.respond)),
		next: (_a, access) => ({ status: 'declined', awaiting: access.manage ? null : 'staff' })
	},
	ask_other_time: {
		action: 'change_requested',
		// Not for one's own booking request: that is cancelled and booked anew.
		allowed: (a, access, _actor, now) => upcoming(a, now) && active(a) && access.respond && !bookingRequest(a),
		next: (a) => ({ status: a.status, awaiting: 'staff' })
	},
	cancel: {
		action: 'cancelled',
		// Staff cancel any; the person cancels what they added or asked for themselves.
		allowed: (a, access, actor) =>
			active(a) &&
			(access.manage ||
				(access.respond && a.createdBy === actor.id) ||
				(access.relation === 'self' && a.slotId !== null)),
		next: () => ({ status: 'cancelled', awaiting: null })
	},
	done: {
		action: 'done',
		allowed: (a, access, _actor, now) => access.manage && active(a) && a.startsAt.getTime() <= now.getTime(),
		next: () => ({ status: 'done', awaiting: null })
	},
	noted: {
		action: 'noted',
		// Staff saw a decline or a wish for another time and keep things as they are; a proposal still
		// waiting for the person's answer goes back to them.
		allowed: (a, access) => access.manage && a.awaiting === 'staff' && !bookingRequest(a),
		next: (a) => ({ status: a.status, awaiting: a.status === 'requested' ? 'participant' : null })
	}
} satisfies Record<string, Change>;
export type ChangeName = keyof typeof CHANGES;

/** Which changes an actor may make to an appointment now; the page offers exactly these. */
export function changesAllowed(
	a: Appointment,
	access: AppointmentAccess,
	actor: Actor,
	now = new Date()
): ChangeName[] {
	return (Object.keys(CHANGES) as ChangeName[]).filter((name) =>
		(CHANGES[name] as Change).allowed(a, access, actor, now)
	);
}

/** Who may change an appointment's details: staff, and whoever added it themselves (from a letter). */
export function canEditDetails(a: Appointment, access: AppointmentAccess, actor: Actor): boolean {
	return active(a) && (access.manage || (access.addOwn && a.createdBy === actor.id));
}

/** Staff move what is still open; the person asks for another time instead. */
export function canReschedule(a: Appointment, access: AppointmentAccess): boolean {
	return access.manage && ['requested', 'confirmed', 'declined'].includes(a.status);
}

/** Who goes along: a volunteer can name only themselves; the person and staff any volunteer they share with. */
export function mayNameCompanion(access: AppointmentAccess, chosen: string): boolean {
	return access.relation !== 'consented_volunteer' || chosen === access.actor.id;
}
