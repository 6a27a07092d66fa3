import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { ACTIVE_APPOINTMENT_STATUSES } from '$lib/domain';
import { db } from '../db';
import { appointments, participants, services } from '../db/schema';
import type { CaseWorkAccess } from '../policy';

// A directory lists a handful of MBE/JMD offices per county; a bound keeps a misconfigured one from growing the page.
const SERVICES_SHOWN = 100;
const APPOINTMENTS_SHOWN = 20;

/** Name and language of the person, for the case page's heading and the letter. */
export async function caseParticipant(access: CaseWorkAccess) {
	const [row] = await db
		.select({
			id: participants.id,
			givenName: participants.givenName,
			familyName: participants.familyName,
			language: participants.language,
			organisationId: participants.organisationId
		})
		.from(participants)
		.where(eq(participants.id, access.participantId));
	if (row === undefined) throw new Error('a case without its participant');
	return row;
}

/**
 * What a transfer can point to: the receiving services in the directory of the person's county (MBE, JMD and
 * the other targets), and her upcoming appointments, one of which may already be the warm handover.
 */
export async function transferOptions(access: CaseWorkAccess, countyId: string, now = new Date()) {
	const [directory, upcoming] = await Promise.all([
		db
			.select({ id: services.id, name: services.name, target: services.target })
			.from(services)
			.where(and(eq(services.countyId, countyId), eq(services.active, true), inArray(services.target, ['mbe', 'jmd'])))
			.orderBy(asc(services.target), asc(services.name))
			.limit(SERVICES_SHOWN),
		db
			.select({
				id: appointments.id,
				title: appointments.title,
				kind: appointments.kind,
				startsAt: appointments.startsAt
			})
			.from(appointments)
			.where(
				and(
					eq(appointments.participantId, access.participantId),
					gt(appointments.startsAt, now),
					inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES])
				)
			)
			.orderBy(asc(appointments.startsAt))
			.limit(APPOINTMENTS_SHOWN)
	]);
	return { directory, upcoming };
}
