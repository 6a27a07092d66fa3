import { error } from '@sveltejs/kit';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import { acceptsCaseWork, caseOfIn, startPeriodIn } from '../cases/rows';
import { db, isUniqueViolation, type Tx } from '../db';
import { CHANGED_MEANWHILE, isChangedMeanwhile } from '../db/conditional';
import { berlinParts } from '../appointments/time';
import { appointments, contactPersons, contacts, contactTopics, documentQuestions, participants } from '../db/schema';
import type { Refusal } from '../form-action';
import type { CaseWorkAccess } from '../policy/casework';
import { isCaseworkerKind } from './prefill';
import type { ContactInput } from './schema';
import { contactTime } from './when';

export type WriteResult = { ok: true; id: string } | ({ ok: false; existingId?: string } & Refusal);

/** Only staff who record case work reach a writer; anyone else gets the same 404 as for a stranger's case. */
export function requireRecordWork(access: CaseWorkAccess): asserts access is CaseWorkAccess & { recordWork: true } {
	if (!access.recordWork) error(404, 'error.not_found');
}

/** Everyone present: the person whose case it is, always, and members of her household who were there. */
export function personsPresent(tx: Tx, participantId: string, chosen: string[]): string[] | null {
	const others = chosen.filter((id) => id !== participantId);
	if (others.length === 0) return [participantId];
	const [self] = tx
		.select({ householdId: participants.householdId })
		.from(participants)
		.where(eq(participants.id, participantId))
		.all();
	if (self === undefined || self.householdId === null) return null;
	const members = tx
		.select({ id: participants.id })
		.from(participants)
		.where(and(inArray(participants.id, others), eq(participants.householdId, self.householdId)))
		.all();
	return members.length === others.length ? [participantId, ...others] : null;
}

export function writeDetailsIn(tx: Tx, contactId: string, persons: string[], topics: ContactInput['topics']) {
	tx.delete(contactPersons).where(eq(contactPersons.contactId, contactId)).run();
	tx.delete(contactTopics).where(eq(contactTopics.contactId, contactId)).run();
	tx.insert(contactPersons)
		.values(persons.map((participantId) => ({ contactId, participantId })))
		.run();
	if (topics.length > 0) {
		tx.insert(contactTopics)
			.values(topics.map((topic) => ({ contactId, topic })))
			.run();
	}
}

/** The source a contact is recorded from must be this person's done meeting, or her answered question. */
function sourceRefusal(tx: Tx, participantId: string, input: ContactInput): Refusal | null {
	if (input.appointmentId !== '') {
		const [a] = tx
			.select()
			.from(appointments)
			.where(and(eq(appointments.id, input.appointmentId), eq(appointments.participantId, participantId)))
			.all();
		if (a === undefined || a.status !== 'done' || !isCaseworkerKind(a.kind)) return { reason: 'form.invalid' };
	}
	if (input.questionId !== '') {
		const [q] = tx
			.select({ answeredAt: documentQuestions.answeredAt })
			.from(documentQuestions)
			.where(and(eq(documentQuestions.id, input.questionId), eq(documentQuestions.participantId, participantId)))
			.all();
		if (q === undefined || q.answeredAt === null) return { reason: 'form.invalid' };
	}
	return null;
}

class Refused extends Error {
	constructor(readonly refusal: Refusal) {
		super(refusal.reason);
	}
}

/**
 * Records a contact on the person's case. The first contact on a referred case starts the counselling period in
 * the same transaction; a closed case takes none. One contact per appointment and per answered question: a
 * second save (two taps, two tabs) points to the first.
 */
export function recordContact(access: CaseWorkAccess, input: ContactInput, now = new Date()): WriteResult {
	requireRecordWork(access);
	const actor = access.actor;
	const participantId = access.participantId;
	const when = contactTime(input.date, input.time, now);
	if (!when.ok) return { ok: false, reason: when.reason, field: when.field };
	// An answer to "please explain" is a contact even when it touched no particular topic.
	if (input.topics.length === 0 && input.questionId === '') {
		return { ok: false, reason: 'contacts.topic_required', field: 'topics' };
	}
	const id = crypto.randomUUID();
	try {
		db.transaction((tx) => {
			const row = caseOfIn(tx, participantId);
			if (!acceptsCaseWork(row)) throw new Refused({ reason: 'contacts.case_closed' });
			const source = sourceRefusal(tx, participantId, input);
			if (source !== null) throw new Refused(source);
			const persons = personsPresent(tx, participantId, input.persons);
			if (persons === null) throw new Refused({ reason: 'form.pick_option', field: 'persons' });
			tx.insert(contacts)
				.values({
					id,
					participantId,
					caseId: row.id,
					caseworkerId: actor.id,
					occurredAt: when.at,
					durationMinutes: input.durationMinutes,
					form: input.form,
					kind: input.kind,
					interpreter: input.interpreter,
					note: input.note,
					noteLanguage: input.noteLanguage,
					appointmentId: input.appointmentId === '' ? null : input.appointmentId,
					questionId: input.questionId === '' ? null : input.questionId,
					createdBy: actor.id,
					createdAt: now,
					updatedAt: now
				})
				.run();
			writeDetailsIn(tx, id, persons, input.topics);
			startPeriodIn(tx, row, berlinParts(when.at).date, actor.id);
			recordAuditIn(tx, { actor, action: 'contact.recorded', participantId, detail: { contactId: id } });
		});
	} catch (e) {
		if (e instanceof Refused) return { ok: false, ...e.refusal };
		if (isChangedMeanwhile(e)) return { ok: false, reason: CHANGED_MEANWHILE };
		if (isUniqueViolation(e)) return { ok: false, reason: 'contacts.already_recorded', existingId: existing(input) };
		throw e;
	}
	return { ok: true, id };
}

function existing(input: ContactInput): string | undefined {
	const column = input.appointmentId !== '' ? contacts.appointmentId : contacts.questionId;
	const value = input.appointmentId !== '' ? input.appointmentId : input.questionId;
	return db.select({ id: contacts.id }).from(contacts).where(eq(column, value)).get()?.id;
}
