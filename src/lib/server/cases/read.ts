import { and, desc, eq, isNull } from 'drizzle-orm';
import { dayInGermany } from '$lib/i18n/format';
import { recordAudit } from '../audit';
import { db } from '../db';
import { appointments, assessments, caseEvents, caseRequests, cases, services, users } from '../db/schema';
import { byOther, type CaseWorkAccess } from '../policy';
import { latestHandover } from './handover';
import { periodOf } from './period';
import type { Case } from './tables';

// A case's events are bounded by its course (a few dozen over three or four years); the page shows the latest.
const EVENTS_SHOWN = 100;

async function caseRow(participantId: string): Promise<Case> {
	const [row] = await db.select().from(cases).where(eq(cases.participantId, participantId));
	if (row === undefined) throw new Error(`participant ${participantId} has no case`);
	return row;
}

/** Where a transferred or closed case went: the service's name as recorded at the transfer, and its details. */
async function receivingService(row: Case) {
	const [event] = await db
		.select({ detail: caseEvents.detail, at: caseEvents.at })
		.from(caseEvents)
		.where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.kind, 'transferred')))
		.orderBy(desc(caseEvents.id))
		.limit(1);
	if (event === undefined) return null;
	const directory =
		row.transferServiceId === null
			? undefined
			: (
					await db
						.select({ phone: services.phone, email: services.email, address: services.address })
						.from(services)
						.where(eq(services.id, row.transferServiceId))
				)[0];
	return {
		target: row.transferTarget,
		name: String(event.detail?.serviceName ?? ''),
		phone: directory?.phone ?? '',
		email: directory?.email ?? '',
		address: directory?.address ?? ''
	};
}

/** The staff view of a case's course; every look by staff is audited. */
export async function readCase(access: CaseWorkAccess, today = dayInGermany()) {
	const row = await caseRow(access.participantId);
	const [events, requests, handover, service, appointment, exit] = await Promise.all([
		db
			.select({
				id: caseEvents.id,
				kind: caseEvents.kind,
				fromStatus: caseEvents.fromStatus,
				toStatus: caseEvents.toStatus,
				reason: caseEvents.reason,
				detail: caseEvents.detail,
				at: caseEvents.at,
				actorName: users.displayName
			})
			.from(caseEvents)
			.leftJoin(users, eq(caseEvents.actorId, users.id))
			.where(eq(caseEvents.caseId, row.id))
			.orderBy(desc(caseEvents.at), desc(caseEvents.id))
			.limit(EVENTS_SHOWN),
		db
			.select({
				id: caseRequests.id,
				kind: caseRequests.kind,
				reason: caseRequests.reason,
				closureReason: caseRequests.closureReason,
				months: caseRequests.months,
				requestedAt: caseRequests.requestedAt,
				requestedBy: users.displayName
			})
			.from(caseRequests)
			.innerJoin(users, eq(caseRequests.requestedBy, users.id))
			.where(and(eq(caseRequests.caseId, row.id), isNull(caseRequests.outcome))),
		latestHandover(row.id),
		receivingService(row),
		row.transferAppointmentId === null
			? null
			: db
					.select({ id: appointments.id, startsAt: appointments.startsAt, endsAt: appointments.endsAt })
					.from(appointments)
					.where(eq(appointments.id, row.transferAppointmentId))
					.then((rows) => rows[0] ?? null),
		db
			.select({ id: assessments.id })
			.from(assessments)
			.where(and(eq(assessments.caseId, row.id), eq(assessments.kind, 'exit')))
			.then((rows) => rows.length > 0)
	]);
	if (byOther(access)) {
		await recordAudit({ actor: access.actor, action: 'case.viewed', participantId: access.participantId });
	}
	return {
		case: row,
		period: periodOf(row.periodStartsOn, row.periodMonths, today),
		events,
		requests,
		handover,
		service,
		appointment,
		exitSnapshotRecorded: exit
	};
}

/** What the participant reads of her own case: status, period, and after closure whom to ask. */
export async function readOwnCase(access: CaseWorkAccess, today = dayInGermany()) {
	const row = await caseRow(access.participantId);
	const service = row.status === 'transferred' || row.status === 'closed' ? await receivingService(row) : null;
	return {
		status: row.status,
		period: periodOf(row.periodStartsOn, row.periodMonths, today),
		closureReason: row.closureReason,
		closedAt: row.closedAt,
		service
	};
}

/** One line for the person's page: status and where the period stands. Seen under the page's own audit entry. */
export async function caseSummary(access: CaseWorkAccess, today = dayInGermany()) {
	const row = await caseRow(access.participantId);
	return { status: row.status, period: periodOf(row.periodStartsOn, row.periodMonths, today) };
}
