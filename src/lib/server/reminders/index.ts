import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { isLocale, type Locale } from '$lib/i18n/locales';
import { db } from '../db';
import { participants, reminderSettings, reminders, users } from '../db/schema';
import { pushToUser } from '../push';
import type { DueReminder, ReminderSource, ReminderText } from './source';
import { REMINDER_SOURCES } from './sources';
import { chosenOffsetsOf, notYetStored } from './batch';

/** Every reminder there is, by subject, in the order settings pages list them. */
export const REMINDER_OFFSETS = { appointment: ['1d', '2h'], document: ['8w', '2w'] } as const;
export type ReminderOffset = (typeof REMINDER_OFFSETS)[keyof typeof REMINDER_OFFSETS][number];
export const ALL_OFFSETS: readonly ReminderOffset[] = Object.values(REMINDER_OFFSETS).flat();
const DEFAULT_OFFSETS: ReadonlySet<string> = new Set(ALL_OFFSETS);

/** Which reminders a person wants; everything unless they turned some off. */
export async function offsetsOf(userId: string): Promise<Set<string>> {
	const [row] = await db
		.select({ offsets: reminderSettings.offsets })
		.from(reminderSettings)
		.where(eq(reminderSettings.userId, userId));
	return new Set(row?.offsets ?? ALL_OFFSETS);
}

export async function saveOffsets(userId: string, offsets: readonly string[]): Promise<void> {
	const chosen = ALL_OFFSETS.filter((o) => offsets.includes(o));
	await db
		.insert(reminderSettings)
		.values({ userId, offsets: chosen })
		.onConflictDoUpdate({ target: reminderSettings.userId, set: { offsets: chosen, updatedAt: new Date() } });
}

async function localeOf(userId: string): Promise<Locale> {
	const [row] = await db
		.select({ locale: users.locale, language: participants.language })
		.from(users)
		.leftJoin(participants, eq(participants.userId, users.id))
		.where(eq(users.id, userId));
	if (isLocale(row?.locale)) return row.locale;
	return isLocale(row?.language) ? row.language : 'de';
}

/** Of several reminders due for the same thing (a server that was down, a late booking), only the latest counts. */
function latestPerSubject(due: DueReminder[]): DueReminder[] {
	const latest = new Map<string, DueReminder>();
	for (const r of due) {
		const key = `${r.userId} ${r.subject} ${r.subjectId}`;
		const known = latest.get(key);
		if (known === undefined || r.dueAt.getTime() > known.dueAt.getTime()) latest.set(key, r);
	}
	return [...latest.values()];
}

export type ReminderRun = { stored: number; pushed: number; removedSubscriptions: number };

/**
 * One pass of the reminder clock: stores every reminder that became due (once per person, thing and offset),
 * then sends each new one by push, in the recipient's language. Safe to run from several places at once:
 * the unique index decides who stores a reminder, and only the one who stored it sends it.
 */
export async function runReminders(
	now = new Date(),
	sources: ReminderSource[] = REMINDER_SOURCES,
	since: Date | null = null
): Promise<ReminderRun> {
	const run: ReminderRun = { stored: 0, pushed: 0, removedSubscriptions: 0 };
	for (const source of sources) {
		const due = (await source.due(now, since)).filter((r) => r.dueAt.getTime() <= now.getTime());
		const chosen = await chosenOffsetsOf(due.map((r) => r.userId));
		const wanted = due.filter((r) => (chosen.get(r.userId) ?? DEFAULT_OFFSETS).has(r.offset));
		// Which one is latest is decided before leaving out stored ones, so a late run never sends an older reminder.
		for (const r of await notYetStored(latestPerSubject(wanted))) {
			const [stored] = await db.insert(reminders).values(r).onConflictDoNothing().returning({ id: reminders.id });
			if (stored === undefined) continue;
			run.stored++;
			const text = await source.describe(r, await localeOf(r.userId), now);
			if (text === null) continue;
			const outcome = await pushToUser(r.userId, { ...text, tag: `${r.subject}-${r.subjectId}` }, now);
			run.removedSubscriptions += outcome.removed;
			if (outcome.sent > 0) {
				run.pushed++;
				await db.update(reminders).set({ pushedAt: now }).where(eq(reminders.id, stored.id));
			}
		}
	}
	return run;
}

export type ReminderItem = ReminderText & { id: number; subject: DueReminder['subject']; offset: string; dueAt: Date };

/** The in-app list: the same reminders push would bring, for everyone, newest first, while they still apply. */
export async function remindersFor(
	userId: string,
	locale: Locale,
	now = new Date(),
	sources: ReminderSource[] = REMINDER_SOURCES
): Promise<ReminderItem[]> {
	const rows = await db
		.select()
		.from(reminders)
		.where(
			and(
				eq(reminders.userId, userId),
				isNull(reminders.dismissedAt),
				gt(reminders.dueAt, new Date(now.getTime() - 60 * 24 * 60 * 60 * 1000))
			)
		)
		.orderBy(desc(reminders.dueAt))
		.limit(50);
	const items: ReminderItem[] = [];
	for (const row of rows) {
		const source = sources.find((s) => s.subject === row.subject);
		const text = source === undefined ? null : await source.describe(row, locale, now);
		if (text !== null) items.push({ ...text, id: row.id, subject: row.subject, offset: row.offset, dueAt: row.dueAt });
	}
	return items;
}

export async function dismissReminder(userId: string, id: number, now = new Date()): Promise<void> {
	await db
		.update(reminders)
		.set({ dismissedAt: now })
		.where(and(eq(reminders.id, id), eq(reminders.userId, userId)));
}

let timer: ReturnType<typeof setInterval> | null = null;

/** Every this many runs the clock looks at everything due, not only what changed since its last run. */
export const FULL_SWEEP_EVERY = 60;

/**
 * Runs the reminder clock every minute in the server process (not in tests, which call runReminders). A run
 * reads only what can have become due since the previous one, so its work stays the same however large the
 * installation grows. Once an hour (and at start) it sweeps everything due: that catches what changes without
 * touching the appointment or paper itself (a volunteer given consent to go along, a person who just activated
 * their account) and anything a failed run left.
 */
export function startReminderClock(intervalMs = 60_000): void {
	if (timer !== null) return;
	let previous: Date | null = null;
	let runs = 0;
	const tick = async () => {
		const now = new Date();
		const since = runs % FULL_SWEEP_EVERY === 0 ? null : previous;
		runs++;
		try {
			await runReminders(now, REMINDER_SOURCES, since);
			previous = now;
		} catch (e) {
			// The next run looks at everything again, so nothing due in the failed window is lost.
			previous = null;
			runs = 0;
			console.error('reminders: run failed', e);
		}
	};
	void tick();
	timer = setInterval(() => void tick(), intervalMs);
	timer.unref();
}
