import { and, eq, inArray } from 'drizzle-orm';
import { db } from '../db';
import { reminderSettings, reminders } from '../db/schema';
import type { DueReminder } from './source';

// The clock runs every minute in the server process. With a whole state's documents a few thousand reminders are
// due at any moment (every permit expiring within eight weeks), nearly all stored long ago: one query per person
// and one insert attempt per reminder blocked every request for about a second. Batches of ids keep each run
// to a handful of indexed queries; the unique index still decides who stores a reminder.
const BATCH = 500;

function* batches<T>(items: readonly T[]): Generator<T[]> {
	for (let start = 0; start < items.length; start += BATCH) yield items.slice(start, start + BATCH);
}

/** The reminders each person turned on, for everyone in `userIds` who changed the default (all of them). */
export async function chosenOffsetsOf(userIds: readonly string[]): Promise<Map<string, Set<string>>> {
	const chosen = new Map<string, Set<string>>();
	for (const ids of batches([...new Set(userIds)])) {
		const rows = await db
			.select({ userId: reminderSettings.userId, offsets: reminderSettings.offsets })
			.from(reminderSettings)
			.where(inArray(reminderSettings.userId, ids));
		for (const row of rows) chosen.set(row.userId, new Set(row.offsets));
	}
	return chosen;
}

/** Those of `due` (all of one subject) that are not stored yet. */
export async function notYetStored(due: readonly DueReminder[]): Promise<DueReminder[]> {
	if (due.length === 0) return [];
	const stored = new Set<string>();
	const keyOf = (r: { userId: string; subjectId: string; offset: string }) => `${r.userId} ${r.subjectId} ${r.offset}`;
	for (const part of batches(due)) {
		const rows = await db
			.select({ userId: reminders.userId, subjectId: reminders.subjectId, offset: reminders.offset })
			.from(reminders)
			.where(
				// By person first: the unique index starts with the user, so each person's few rows are read.
				and(
					inArray(
						reminders.userId,
						part.map((r) => r.userId)
					),
					eq(reminders.subject, part[0].subject),
					inArray(
						reminders.subjectId,
						part.map((r) => r.subjectId)
					)
				)
			);
		for (const row of rows) stored.add(keyOf(row));
	}
	return due.filter((r) => !stored.has(keyOf(r)));
}
