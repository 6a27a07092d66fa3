import { and, eq, gt, gte, isNotNull, lte } from 'drizzle-orm';
import { isolated } from '$lib/i18n/translator';
import { dayInGermany, formatDate } from '$lib/i18n/format';
import { db } from '../db';
import { documents, participants } from '../db/schema';
import { translatorFor } from '../i18n';
import type { DueReminder, ReminderSource } from '../reminders/source';
import { addDays, daysUntil, expiryHorizon } from './expiry';

/** Reminders before an expiry date: 8 weeks (time to book the immigration office) and 2 weeks. */
export const EXPIRY_OFFSETS = [
	{ offset: '8w', days: 56 },
	{ offset: '2w', days: 14 }
] as const;

/**
 * The subject id carries the expiry date ("<document id>@2027-01-31"): when a renewed permit gets a new date,
 * its reminders are new ones rather than already sent.
 */
const subjectIdOf = (documentId: string, expiresOn: string) => `${documentId}@${expiresOn}`;

function parseSubjectId(subjectId: string): { documentId: string; expiresOn: string } | null {
	const match = /^([0-9a-f-]{36})@(\d{4}-\d{2}-\d{2})$/.exec(subjectId);
	return match === null ? null : { documentId: match[1], expiresOn: match[2] };
}

/** Morning in Germany on the day a reminder is due (07:00 UTC is 08:00 or 09:00 there). */
const morningOf = (date: string) => new Date(`${date}T07:00:00Z`);
/** Which morning was the last at `at`: the same number for two moments between the same two mornings. */
const morningIndex = (at: Date) => Math.floor((at.getTime() - 7 * 3_600_000) / 86_400_000);

export const documentReminders: ReminderSource = {
	subject: 'document',

	async due(now, since) {
		const today = dayInGermany(now);
		// A paper's reminder falls due on a morning (07:00 UTC): between two mornings only a paper added or
		// changed can bring a new one, so a run after the previous one within the same day reads just those.
		const sameMorning = since != null && morningIndex(since) === morningIndex(now);
		const horizon = expiryHorizon(today);
		const rows = (
			await db
				.select({
					id: documents.id,
					expiresOn: documents.expiresOn,
					participantId: documents.participantId,
					userId: participants.userId
				})
				.from(documents)
				.innerJoin(participants, eq(documents.participantId, participants.id))
				.where(
					// By change time alone when narrowing (beside the expiry range the planner would read the range).
					sameMorning
						? and(gt(documents.updatedAt, since), lte(documents.updatedAt, now))
						: and(
								isNotNull(documents.expiresOn),
								isNotNull(participants.userId),
								gte(documents.expiresOn, today),
								lte(documents.expiresOn, horizon)
							)
				)
		).filter((r) => r.userId !== null && r.expiresOn !== null && r.expiresOn >= today && r.expiresOn <= horizon);
		const due: DueReminder[] = [];
		for (const row of rows) {
			const expiresOn = row.expiresOn!;
			// Only the latest reminder whose day has come: a paper added 10 days before expiry gets "2w", not both.
			const latest = EXPIRY_OFFSETS.filter((o) => morningOf(addDays(expiresOn, -o.days)).getTime() <= now.getTime()).at(
				-1
			);
			if (latest === undefined) continue;
			due.push({
				userId: row.userId!,
				participantId: row.participantId,
				subject: 'document',
				subjectId: subjectIdOf(row.id, expiresOn),
				offset: latest.offset,
				dueAt: morningOf(addDays(expiresOn, -latest.days))
			});
		}
		return due;
	},

	async describe(reminder, locale, now) {
		const parsed = parseSubjectId(reminder.subjectId);
		if (parsed === null) return null;
		const [document] = await db
			.select({ title: documents.title, expiresOn: documents.expiresOn, participantId: documents.participantId })
			.from(documents)
			.where(eq(documents.id, parsed.documentId));
		// Deleted, renewed with another date, or already past: the reminder no longer applies.
		if (
			document === undefined ||
			document.expiresOn !== parsed.expiresOn ||
			document.participantId !== reminder.participantId
		) {
			return null;
		}
		const days = daysUntil(parsed.expiresOn, dayInGermany(now));
		if (days < 0) return null;
		const t = translatorFor(locale);
		return {
			// Typed by a person: isolated, as on screen (a push is read in both directions too).
			title: t('documents.reminder_title', { title: isolated(document.title) }),
			body: t('documents.reminder_body', {
				date: formatDate(locale, parsed.expiresOn),
				count: Math.max(1, Math.ceil(days / 7))
			}),
			url: `/participants/${document.participantId}/documents/${parsed.documentId}`
		};
	}
};
