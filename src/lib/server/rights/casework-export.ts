import { and, asc, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import {
	assessments,
	caseEvents,
	caseNotes,
	cases,
	contactPersons,
	contacts,
	contactTopics,
	handovers,
	participants,
	referrals,
	services,
	users
} from '../db/schema';
import type { FullAccess } from '../policy';

/**
 * The case-work part of "everything held": the case and its course, the handover, contacts with their topics,
 * referrals, assessments and the notes shared with the person. Notes staff keep for their own work are not
 * handed out here: they may name other people, so the office reviews them on request (GDPR Art. 15 (4)); the
 * export says so instead of leaving them out silently.
 */
export async function caseWorkForExport(access: FullAccess) {
	const { participantId } = access;
	const [caseRow] = await db.select().from(cases).where(eq(cases.participantId, participantId));
	if (caseRow === undefined) return null;
	const [events, handover, contactRows, referralRows, snapshots, sharedNotes] = await Promise.all([
		db
			.select({
				kind: caseEvents.kind,
				fromStatus: caseEvents.fromStatus,
				toStatus: caseEvents.toStatus,
				reason: caseEvents.reason,
				at: caseEvents.at,
				by: users.displayName
			})
			.from(caseEvents)
			.leftJoin(users, eq(caseEvents.actorId, users.id))
			.where(eq(caseEvents.caseId, caseRow.id))
			.orderBy(asc(caseEvents.id)),
		db
			.select({
				service: handovers.service,
				person: handovers.person,
				phone: handovers.phone,
				allocatedOn: handovers.allocatedOn,
				openMatters: handovers.openMatters,
				recordedAt: handovers.createdAt
			})
			.from(handovers)
			.where(eq(handovers.caseId, caseRow.id)),
		db
			.select({
				id: contacts.id,
				occurredAt: contacts.occurredAt,
				durationMinutes: contacts.durationMinutes,
				form: contacts.form,
				kind: contacts.kind,
				interpreter: contacts.interpreter,
				caseworker: users.displayName
			})
			.from(contacts)
			.innerJoin(users, eq(contacts.caseworkerId, users.id))
			.where(eq(contacts.participantId, participantId))
			.orderBy(asc(contacts.occurredAt)),
		db
			.select({
				target: referrals.target,
				service: services.name,
				status: referrals.status,
				sharesData: referrals.sharesData,
				madeAt: referrals.madeAt,
				statusChangedAt: referrals.statusChangedAt
			})
			.from(referrals)
			.innerJoin(services, eq(referrals.serviceId, services.id))
			.where(eq(referrals.participantId, participantId))
			.orderBy(asc(referrals.madeAt)),
		db.select().from(assessments).where(eq(assessments.caseId, caseRow.id)),
		db
			.select({
				subject: caseNotes.subject,
				body: caseNotes.body,
				language: caseNotes.language,
				at: caseNotes.createdAt
			})
			.from(caseNotes)
			.where(and(eq(caseNotes.participantId, participantId), eq(caseNotes.sharedWithParticipant, true)))
			.orderBy(asc(caseNotes.createdAt))
	]);
	const ids = contactRows.map((c) => c.id);
	const [topics, persons] =
		ids.length === 0
			? [[], []]
			: await Promise.all([
					db.select().from(contactTopics).where(inArray(contactTopics.contactId, ids)),
					db
						.select({ contactId: contactPersons.contactId, givenName: participants.givenName })
						.from(contactPersons)
						.innerJoin(participants, eq(contactPersons.participantId, participants.id))
						.where(inArray(contactPersons.contactId, ids))
				]);
	return {
		status: caseRow.status,
		eligibility: caseRow.eligibility,
		periodStartsOn: caseRow.periodStartsOn,
		periodMonths: caseRow.periodMonths,
		closureReason: caseRow.closureReason,
		closedAt: caseRow.closedAt,
		transferTarget: caseRow.transferTarget,
		events,
		handover: handover[0] ?? null,
		contacts: contactRows.map(({ id, ...c }) => ({
			...c,
			topics: topics.filter((t) => t.contactId === id).map((t) => t.topic),
			present: persons.filter((p) => p.contactId === id).map((p) => p.givenName)
		})),
		referrals: referralRows,
		assessments: snapshots.map(({ id: _id, caseId: _case, recordedBy: _by, version: _v, ...a }) => a),
		notesSharedWithYou: sharedNotes,
		staffNotes: { included: false, why: 'given_on_request_after_review' }
	};
}
