import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { isLocale } from '$lib/i18n/locales';
import { recordAuditIn } from '../audit';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { generateSessionToken } from '../auth/session';
import { db } from '../db';
import { appointments, calendarFeeds, participants, users } from '../db/schema';
import type { AccessTo, Actor } from '../policy';
import { translatorFor } from '../i18n';
import { appointmentsCalendar } from './ics';

const hashToken = (token: string) => encodeHexLowerCase(sha256(new TextEncoder().encode(token)));

/** Past appointments stay in the feed this long, so a phone's calendar keeps recent history. */
const FEED_HISTORY_MS = 90 * 24 * 60 * 60 * 1000;

/** Whether the participant has a feed address now, and since when (the address itself is shown only once). */
export async function currentFeed(access: AccessTo<'appointments'>) {
	const [feed] = await db
		.select({ id: calendarFeeds.id, createdAt: calendarFeeds.createdAt, lastFetchedAt: calendarFeeds.lastFetchedAt })
		.from(calendarFeeds)
		.where(and(eq(calendarFeeds.participantId, access.participantId), isNull(calendarFeeds.revokedAt)))
		.orderBy(desc(calendarFeeds.createdAt))
		.limit(1);
	return feed ?? null;
}

/**
 * A new private feed address for the participant's own calendar; any older one stops working at once.
 * Only sha256(token) is stored, so the address cannot be read back out of the database — it is shown once.
 */
export function newFeed(actor: Actor, participantId: string, now = new Date()): string {
	if (actor.participantId !== participantId) throw new Error('Only the participant makes their calendar feed');
	const token = generateSessionToken();
	db.transaction((tx) => {
		tx.update(calendarFeeds)
			.set({ revokedAt: now })
			.where(and(eq(calendarFeeds.participantId, participantId), isNull(calendarFeeds.revokedAt)))
			.run();
		tx.insert(calendarFeeds)
			.values({ id: crypto.randomUUID(), participantId, tokenHash: hashToken(token), createdAt: now })
			.run();
		recordAuditIn(tx, { actor, action: 'calendar_feed.changed', participantId, detail: { change: 'new' } });
	});
	return token;
}

export function stopFeed(actor: Actor, participantId: string, now = new Date()): void {
	if (actor.participantId !== participantId) throw new Error('Only the participant stops their calendar feed');
	db.transaction((tx) => {
		tx.update(calendarFeeds)
			.set({ revokedAt: now })
			.where(and(eq(calendarFeeds.participantId, participantId), isNull(calendarFeeds.revokedAt)))
			.run();
		recordAuditIn(tx, { actor, action: 'calendar_feed.changed', participantId, detail: { change: 'stopped' } });
	});
}

/** The calendar behind a feed address, in the participant's language; null for an unknown or stopped address. */
export async function feedCalendar(token: string, now = new Date()): Promise<string | null> {
	if (!/^[a-z2-7]{20,64}$/.test(token)) return null;
	const [feed] = await db
		.select({
			id: calendarFeeds.id,
			participantId: calendarFeeds.participantId,
			locale: users.locale,
			language: participants.language,
			givenName: participants.givenName
		})
		.from(calendarFeeds)
		.innerJoin(participants, eq(calendarFeeds.participantId, participants.id))
		.leftJoin(users, eq(participants.userId, users.id))
		.where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt)));
	if (feed === undefined) return null;
	const rows = await db
		.select()
		.from(appointments)
		.where(
			and(
				eq(appointments.participantId, feed.participantId),
				gt(appointments.endsAt, new Date(now.getTime() - FEED_HISTORY_MS))
			)
		);
	await db.update(calendarFeeds).set({ lastFetchedAt: now }).where(eq(calendarFeeds.id, feed.id));
	const locale = isLocale(feed.locale) ? feed.locale : feed.language;
	return appointmentsCalendar(rows, locale, translatorFor(locale)('appointments.feed_name'));
}
