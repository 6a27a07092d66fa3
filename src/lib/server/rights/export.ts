import { asc, eq, inArray } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { db } from '../db';
import {
	calendarFeeds,
	goalComments,
	households,
	organisations,
	participants,
	planHistory,
	planReviews,
	planVersions,
	pushSubscriptions,
	reminders,
	users
} from '../db/schema';
import { appointmentsOf, eventsOf } from '../appointments';
import { consentsOf } from '../consent';
import { currentCaseworker } from '../participants';
import type { FullAccess } from '../policy';
import { liveGoals, nextReviewDateOf } from '../plans/read';
import { documentsForExport } from '../documents/export';
import { accessesTo } from './access-log';
import { caseWorkForExport } from './casework-export';
import { correctionsOf } from './corrections';

async function appointmentsWithHistory(access: FullAccess) {
	const rows = await appointmentsOf(access);
	const events = await eventsOf(rows.map((r) => r.id));
	return rows.map((a) => ({
		...a,
		history: events.filter((e) => e.appointmentId === a.id).map(({ appointmentId: _, ...e }) => e)
	}));
}

/**
 * Everything Tandem holds about one participant (GDPR Art. 15 and 20), for the participant themselves.
 * Other people's personal data appears only as far as it is part of this person's record (names of
 * household members, of staff who acted).
 */
export async function exportFor(access: FullAccess) {
	const { participantId } = access;
	const [participant] = await db
		.select({ person: participants, town: organisations.name })
		.from(participants)
		.innerJoin(organisations, eq(participants.townId, organisations.id))
		.where(eq(participants.id, participantId));
	const [account] =
		participant.person.userId === null
			? []
			: await db
					.select({ username: users.username, locale: users.locale, createdAt: users.createdAt })
					.from(users)
					.where(eq(users.id, participant.person.userId));
	const household =
		participant.person.householdId === null
			? []
			: await db
					.select({ givenName: participants.givenName, familyName: participants.familyName })
					.from(participants)
					.where(eq(participants.householdId, participant.person.householdId));
	const [householdRow] =
		participant.person.householdId === null
			? []
			: await db.select().from(households).where(eq(households.id, participant.person.householdId));
	const goals = await liveGoals(access);
	const comments =
		goals.length === 0
			? []
			: await db
					.select({
						goalId: goalComments.goalId,
						text: goalComments.text,
						at: goalComments.createdAt,
						author: users.displayName
					})
					.from(goalComments)
					.innerJoin(users, eq(goalComments.authorId, users.id))
					.where(
						inArray(
							goalComments.goalId,
							goals.map((g) => g.id)
						)
					)
					.orderBy(asc(goalComments.createdAt));
	const data = {
		exportedAt: new Date().toISOString(),
		format: 'tandem-export-1',
		person: {
			givenName: participant.person.givenName,
			familyName: participant.person.familyName,
			birthDate: participant.person.birthDate,
			residenceStatus: participant.person.residenceStatus,
			language: participant.person.language,
			town: participant.town,
			district: participant.person.district,
			phone: participant.person.phone,
			email: participant.person.email,
			address: participant.person.address,
			createdAt: participant.person.createdAt
		},
		account: account ?? null,
		household:
			householdRow === undefined
				? null
				: { name: householdRow.name, members: household.map((m) => `${m.givenName} ${m.familyName}`) },
		caseworker: await currentCaseworker(access),
		caseWork: await caseWorkForExport(access),
		plan: {
			nextReviewDate: await nextReviewDateOf(access),
			goals,
			comments,
			history: await db
				.select()
				.from(planHistory)
				.where(eq(planHistory.participantId, participantId))
				.orderBy(asc(planHistory.id)),
			reviews: await db.select().from(planReviews).where(eq(planReviews.participantId, participantId)),
			versions: await db
				.select()
				.from(planVersions)
				.where(eq(planVersions.participantId, participantId))
				.orderBy(asc(planVersions.number))
		},
		appointments: await appointmentsWithHistory(access),
		reminders:
			participant.person.userId === null
				? []
				: await db
						.select({
							subject: reminders.subject,
							offset: reminders.offset,
							dueAt: reminders.dueAt,
							pushedAt: reminders.pushedAt,
							dismissedAt: reminders.dismissedAt
						})
						.from(reminders)
						.where(eq(reminders.userId, participant.person.userId)),
		// Devices and feed addresses by when they were made; their secrets (keys, tokens) are not personal data worth exporting.
		pushDevices:
			participant.person.userId === null
				? []
				: await db
						.select({ createdAt: pushSubscriptions.createdAt, lastSentAt: pushSubscriptions.lastSentAt })
						.from(pushSubscriptions)
						.where(eq(pushSubscriptions.userId, participant.person.userId)),
		calendarFeeds: await db
			.select({
				createdAt: calendarFeeds.createdAt,
				revokedAt: calendarFeeds.revokedAt,
				lastFetchedAt: calendarFeeds.lastFetchedAt
			})
			.from(calendarFeeds)
			.where(eq(calendarFeeds.participantId, participantId)),
		documents: await documentsForExport(access),
		consents: await consentsOf(access),
		correctionRequests: await correctionsOf(access),
		accessLog: (await accessesTo(access, null, 100_000)).map(({ actorId: _actorId, ...entry }) => entry)
	};
	await recordAudit({ actor: access.actor, action: 'participant.exported', participantId });
	return data;
}
