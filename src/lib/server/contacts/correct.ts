import { error } from '@sveltejs/kit';
import { and, eq, sql } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import { CHANGED_MEANWHILE, exactlyOne, writeIfUnchanged } from '../db/conditional';
import { contacts } from '../db/schema';
import type { CaseWorkAccess } from '../policy/casework';
import { contactDetail } from './read';
import type { CorrectionInput } from './schema';
import { contactTime, isLocked } from './when';
import { personsPresent, requireRecordWork, writeDetailsIn, type WriteResult } from './write';

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Corrects a contact with the same form, for CONTACT_CORRECTION_DAYS after it was recorded; conditional on the
 * version the form showed. The audit entry names what changed (the note only as "changed": it is staff-only).
 */
export async function correctContact(
	access: CaseWorkAccess,
	contactId: string,
	input: CorrectionInput,
	now = new Date()
): Promise<WriteResult> {
	requireRecordWork(access);
	const before = await contactDetail(access, contactId);
	if (before === null) error(404, 'error.not_found');
	if (isLocked(before.createdAt, now)) return { ok: false, reason: 'contacts.locked' };
	if (before.version !== input.seenVersion) return { ok: false, reason: CHANGED_MEANWHILE };
	const when = contactTime(input.date, input.time, now);
	if (!when.ok) return { ok: false, reason: when.reason, field: when.field };
	if (input.topics.length === 0 && before.questionId === null) {
		return { ok: false, reason: 'contacts.topic_required', field: 'topics' };
	}
	const changed: Record<string, unknown> = {};
	const compare = (field: string, from: unknown, to: unknown) => {
		if (from !== to) changed[field] = { from, to };
	};
	compare('occurredAt', before.occurredAt.toISOString(), when.at.toISOString());
	compare('durationMinutes', before.durationMinutes, input.durationMinutes);
	compare('form', before.form, input.form);
	compare('kind', before.kind, input.kind);
	compare('interpreter', before.interpreter, input.interpreter);
	if (!sameSet(before.topics, input.topics)) changed.topics = { from: before.topics, to: input.topics };
	if (before.note !== input.note || before.noteLanguage !== input.noteLanguage) changed.note = 'changed';
	const written = writeIfUnchanged((tx) => {
		const persons = personsPresent(tx, access.participantId, input.persons);
		if (persons === null) return null;
		if (!sameSet(before.persons, persons)) changed.persons = { from: before.persons, to: persons };
		exactlyOne(
			tx
				.update(contacts)
				.set({
					occurredAt: when.at,
					durationMinutes: input.durationMinutes,
					form: input.form,
					kind: input.kind,
					interpreter: input.interpreter,
					note: input.note,
					noteLanguage: input.noteLanguage,
					version: sql`${contacts.version} + 1`,
					updatedAt: now
				})
				.where(and(eq(contacts.id, contactId), eq(contacts.version, input.seenVersion)))
				.run()
		);
		writeDetailsIn(tx, contactId, persons, input.topics);
		recordAuditIn(tx, {
			actor: access.actor,
			action: 'contact.corrected',
			participantId: access.participantId,
			detail: { contactId, changed }
		});
		return contactId;
	});
	if (!written.ok) return written;
	if (written.value === null) return { ok: false, reason: 'form.pick_option', field: 'persons' };
	return { ok: true, id: contactId };
}
