import { and, eq } from 'drizzle-orm';
import { changeAppointment, createAppointment } from '../appointments';
import { db } from '../db';
import { writeIfUnchanged, type Seen } from '../db/conditional';
import { appointments, services } from '../db/schema';
import type { CaseWorkAccess } from '../policy';
import type { TransferInput } from './schema';
import { caseAsSeenIn, changeCaseIn, requireRecordWork, type CourseOutcome } from './steps';
import { nextStatus } from './transitions';

type Service = { id: string | null; name: string };

async function receivingService(input: TransferInput): Promise<Service | null> {
	if (input.serviceId === '') return input.serviceName === '' ? null : { id: null, name: input.serviceName };
	const [row] = await db
		.select({ id: services.id, name: services.name })
		.from(services)
		.where(and(eq(services.id, input.serviceId), eq(services.active, true)));
	return row ?? null;
}

/** An appointment of this participant to link, or a new one with the receiving service. */
async function warmHandover(
	access: CaseWorkAccess,
	input: TransferInput,
	service: Service
): Promise<CourseOutcome<{ id: string; created: boolean }>> {
	if (input.appointmentId !== '') {
		const [row] = await db
			.select({ id: appointments.id })
			.from(appointments)
			.where(and(eq(appointments.id, input.appointmentId), eq(appointments.participantId, access.participantId)));
		if (row === undefined) return { ok: false, reason: 'form.pick_option', field: 'appointmentId' };
		return { ok: true, id: row.id, created: false };
	}
	if (input.date === '' || input.start === '' || input.end === '') {
		return { ok: false, reason: 'case.appointment_required', field: 'date' };
	}
	// The caseworker goes along and agreed the time with the person at the consultation: nothing to answer.
	const made = await createAppointment(access.actor, access.participantId, {
		kind: 'other',
		title: service.name,
		place: service.name,
		date: input.date,
		start: input.start,
		end: input.end,
		address: '',
		directions: '',
		bring: [],
		bringNote: '',
		note: '',
		companionId: '',
		staffTakesPart: 'yes',
		agreed: 'yes'
	});
	return made.ok ? { ok: true, id: made.id, created: true } : made;
}

/**
 * Transfer to MBE, JMD or a regular service: records the receiving service (from the directory, or as typed)
 * and the warm-handover appointment. The case waits as "transferred" until it is closed.
 */
export async function transferCase(access: CaseWorkAccess, input: TransferInput, seen: Seen): Promise<CourseOutcome> {
	requireRecordWork(access);
	const service = await receivingService(input);
	if (service === null) {
		return input.serviceId === ''
			? { ok: false, reason: 'case.service_required', field: 'serviceName' }
			: { ok: false, reason: 'form.pick_option', field: 'serviceId' };
	}
	const appointment = await warmHandover(access, input, service);
	if (!appointment.ok) return appointment;
	const written = writeIfUnchanged((tx): CourseOutcome => {
		const row = caseAsSeenIn(tx, access, seen);
		const next = nextStatus(row.status, 'transfer', { periodStarted: row.periodStartsOn !== null });
		if (!next.ok) return next;
		changeCaseIn(tx, access, row, {
			to: next.to,
			set: { transferTarget: input.target, transferServiceId: service.id, transferAppointmentId: appointment.id },
			event: 'transferred',
			reason: input.note,
			detail: { target: input.target, serviceName: service.name, appointmentId: appointment.id },
			audit: 'case.status_changed'
		});
		return { ok: true };
	});
	const outcome = written.ok ? written.value : written;
	// The appointment was made for a transfer that did not happen (changed meanwhile): take it back.
	if (!outcome.ok && appointment.created) {
		await changeAppointment(access.actor, access.participantId, appointment.id, 'cancel', '');
	}
	return outcome;
}
