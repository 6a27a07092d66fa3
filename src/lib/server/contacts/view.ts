import { formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { berlinParts } from '../appointments/time';
import type { ContactRow } from './read';
import type { ContactDraft } from './prefill';
import { correctableUntil, isLocked } from './when';

/** A draft as the form's values: every field a string, lists comma-separated (as a refused form comes back). */
export function formValuesOf(draft: ContactDraft): Record<string, string> {
	return { ...draft, topics: draft.topics.join(','), persons: draft.persons.join(',') };
}

/** A stored contact as the correction form's values. */
export function valuesOfContact(c: ContactRow): Record<string, string> {
	const { date, time } = berlinParts(c.occurredAt);
	return {
		date,
		time,
		durationMinutes: String(c.durationMinutes),
		form: c.form,
		kind: c.kind,
		interpreter: c.interpreter,
		topics: c.topics.join(','),
		persons: c.persons.join(','),
		note: c.note ?? '',
		noteLanguage: c.noteLanguage
	};
}

/** What a list shows of a contact: formatted in the reader's language; the note only for staff. */
export function contactView(c: ContactRow, locale: Locale, now = new Date()) {
	return {
		id: c.id,
		when: formatDateTime(locale, c.occurredAt),
		occurredAt: c.occurredAt.toISOString(),
		durationMinutes: c.durationMinutes,
		form: c.form,
		kind: c.kind,
		interpreter: c.interpreter,
		topics: c.topics,
		personCount: c.persons.length,
		caseworkerName: c.caseworkerName,
		note: c.note,
		noteLanguage: c.noteLanguage,
		fromAppointment: c.appointmentId !== null,
		fromQuestion: c.questionId !== null,
		locked: isLocked(c.createdAt, now),
		correctableUntil: formatDateTime(locale, correctableUntil(c.createdAt)),
		version: c.version
	};
}
