import { and, eq, gt, inArray, lte } from 'drizzle-orm';
import { isolated } from '$lib/i18n/translator';
import { ACTIVE_APPOINTMENT_STATUSES } from '$lib/domain';
import { formatDate, formatRelativeDay, formatTime, formatTimeRange } from '$lib/i18n/format';
import { db } from '../db';
import { appointments, participants, users } from '../db/schema';
import { translatorFor } from '../i18n';
import { scopesOf } from '../policy';
import type { DueReminder, ReminderSource } from '../reminders/source';

const HOUR = 60 * 60 * 1000;
/** A day before and two hours before. */
export const APPOINTMENT_OFFSETS = { '1d': 24 * HOUR, '2h': 2 * HOUR } as const;
const LONGEST = Math.max(...Object.values(APPOINTMENT_OFFSETS));

/** Who is reminded: the person, and a volunteer going along while they may still see the appointments. */
async function recipients(a: {
	participantId: string;
	companionId: string | null;
	userId: string | null;
}): Promise<string[]> {
	const people = a.userId === null ? [] : [a.userId];
	if (a.companionId !== null) {
		const scopes = await scopesOf(
			{ id: a.companionId, role: 'volunteer', organisationId: null, participantId: null },
			a.participantId
		);
		if (scopes.has('appointments.read') || scopes.has('appointments.edit')) people.push(a.companionId);
	}
	return people;
}

const columns = {
	id: appointments.id,
	participantId: appointments.participantId,
	companionId: appointments.companionId,
	startsAt: appointments.startsAt,
	status: appointments.status,
	userId: participants.userId
};

/** Active appointments starting in (from, until], read by start time, and who hears of them. */
async function startingBetween(from: Date, until: Date) {
	return db
		.select(columns)
		.from(appointments)
		.innerJoin(participants, eq(appointments.participantId, participants.id))
		.leftJoin(users, eq(participants.userId, users.id))
		.where(
			and(
				inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES]),
				gt(appointments.startsAt, from),
				lte(appointments.startsAt, until)
			)
		);
}

/**
 * What can have become due since the previous run: appointments whose reminder time fell in (since, now] — for
 * the day-before reminder, those starting in (since + 1 day, now + 1 day] — read by start time, and appointments
 * made or changed in (since, now] (a booking for this afternoon is due at once), read by change time alone (a start-time
 * condition beside it would let the planner prefer the start-time index and read the whole window) and then
 * narrowed here to the active ones starting within the window.
 */
async function changedSince(now: Date, since: Date) {
	const found = new Map<string, Awaited<ReturnType<typeof startingBetween>>[number]>();
	for (const before of Object.values(APPOINTMENT_OFFSETS)) {
		const from = new Date(Math.max(since.getTime() + before, now.getTime()));
		for (const row of await startingBetween(from, new Date(now.getTime() + before))) found.set(row.id, row);
	}
	const changed = await db
		.select(columns)
		.from(appointments)
		.innerJoin(participants, eq(appointments.participantId, participants.id))
		.where(and(gt(appointments.updatedAt, since), lte(appointments.updatedAt, now)));
	const until = now.getTime() + LONGEST;
	for (const row of changed) {
		const active = (ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(row.status);
		const inWindow = row.startsAt.getTime() > now.getTime() && row.startsAt.getTime() <= until;
		if (active && inWindow) found.set(row.id, row);
	}
	return [...found.values()];
}

export const appointmentReminders: ReminderSource = {
	subject: 'appointment',
	async due(now, since) {
		const rows =
			since == null ? await startingBetween(now, new Date(now.getTime() + LONGEST)) : await changedSince(now, since);
		const due: DueReminder[] = [];
		for (const row of rows) {
			for (const userId of await recipients(row)) {
				for (const [offset, before] of Object.entries(APPOINTMENT_OFFSETS)) {
					const dueAt = new Date(row.startsAt.getTime() - before);
					if (dueAt.getTime() <= now.getTime()) {
						due.push({
							userId,
							participantId: row.participantId,
							subject: 'appointment',
							subjectId: row.id,
							offset,
							dueAt
						});
					}
				}
			}
		}
		return due;
	},
	async describe(reminder, locale, now) {
		const [a] = await db.select().from(appointments).where(eq(appointments.id, reminder.subjectId));
		if (
			a === undefined ||
			!(ACTIVE_APPOINTMENT_STATUSES as readonly string[]).includes(a.status) ||
			a.endsAt.getTime() <= now.getTime()
		) {
			return null;
		}
		const t = translatorFor(locale);
		// A typed title is isolated, as on screen (a push is read in both directions too).
		const what = a.title === '' ? t(`appointments.kind_${a.kind}`) : isolated(a.title);
		const where = [a.place, a.address].filter((s) => s !== '').join(', ');
		const bring = [...a.bring.map((item) => t(`appointments.bring_${item}`)), a.bringNote].filter((s) => s !== '');
		return {
			// "Doctor – tomorrow, 10:30": the day said as people say it ("today" for an afternoon booked this morning).
			title:
				reminder.offset === '2h'
					? t('reminders.appointment_soon', { time: formatTime(locale, a.startsAt), what })
					: t('reminders.appointment_day', {
							what,
							day: formatRelativeDay(locale, a.startsAt, now) ?? formatDate(locale, a.startsAt),
							time: formatTime(locale, a.startsAt)
						}),
			body: [
				formatTimeRange(locale, a.startsAt, a.endsAt),
				where,
				bring.length === 0 ? '' : `${t('appointments.bring')}: ${bring.join(', ')}`,
				a.status === 'requested' && a.awaiting === 'participant' ? t('reminders.please_answer') : ''
			]
				.filter((s) => s !== '')
				.join('\n'),
			url: `/participants/${a.participantId}/appointments/${a.id}`
		};
	}
};
