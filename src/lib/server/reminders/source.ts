import type { ReminderSubject } from '$lib/domain';
import type { Locale } from '$lib/i18n/locales';

/** A reminder that is due for one person (participant, or a volunteer going along). */
export type DueReminder = {
	userId: string;
	participantId: string;
	subject: ReminderSubject;
	subjectId: string;
	/** Which reminder of the subject, e.g. "1d" / "2h" before an appointment, "8w" / "2w" before an expiry. */
	offset: string;
	dueAt: Date;
};

/** What a reminder says, in the reader's language; `url` is where tapping it leads. */
export type ReminderText = { title: string; body: string; url: string };

/**
 * One kind of thing that reminds people (appointments, document expiry dates). The scheduler stores what
 * `due` returns once per (user, subject, id, offset), shows it in the in-app list and sends it by push.
 */
export type ReminderSource = {
	subject: ReminderSubject;
	/**
	 * Reminders whose time has come by `now` and whose subject still matters; already stored ones are skipped.
	 * With `since` (the clock's previous run), only what can have become due after it: reminders whose time fell
	 * in (since, now] and subjects changed since. Without it, everything due (the first run, the hourly sweep).
	 */
	due(now: Date, since?: Date | null): Promise<DueReminder[]>;
	/** The text for a stored reminder, or null when it no longer applies (cancelled, deleted, already past). */
	describe(
		reminder: { subjectId: string; offset: string; participantId: string },
		locale: Locale,
		now: Date
	): Promise<ReminderText | null>;
};
