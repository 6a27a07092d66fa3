import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { NoteSubject } from '$lib/casework';
import type { Locale } from '$lib/i18n/locales';
import { recordAudit, recordAuditIn } from '../audit';
import { acceptsCaseWork, caseOfIn } from '../cases/rows';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { caseNotes, catalogueTexts, contacts, goals, users } from '../db/schema';
import { byOther, type CaseWorkAccess } from '../policy';

export type NoteInput = {
	subject: NoteSubject;
	goalId: string | null;
	contactId: string | null;
	body: string;
	language: Locale;
	sharedWithParticipant: boolean;
	sensitive: boolean;
};

export type NoteRefusal = 'notes.case_closed' | 'notes.subject_unknown' | 'notes.not_allowed';
export type NoteOutcome = { ok: true; id: string } | { ok: false; reason: NoteRefusal };

/**
 * What this reader may see: the person herself only what was shared with her; staff the staff notes, and the
 * sensitive ones only with readSensitiveNotes (a covering colleague does not).
 */
function visibleTo(access: CaseWorkAccess): SQL | undefined {
	if (!access.readStaffNotes) return eq(caseNotes.sharedWithParticipant, true);
	return access.readSensitiveNotes ? undefined : eq(caseNotes.sensitive, false);
}

const noteColumns = {
	id: caseNotes.id,
	subject: caseNotes.subject,
	goalId: caseNotes.goalId,
	contactId: caseNotes.contactId,
	body: caseNotes.body,
	language: caseNotes.language,
	sharedWithParticipant: caseNotes.sharedWithParticipant,
	sensitive: caseNotes.sensitive,
	createdAt: caseNotes.createdAt,
	authorName: users.displayName
};

export type NoteRow = {
	id: string;
	subject: NoteSubject;
	goalId: string | null;
	contactId: string | null;
	body: string;
	language: Locale;
	sharedWithParticipant: boolean;
	sensitive: boolean;
	createdAt: Date;
	authorName: string;
};

/**
 * A person's notes, newest first, 50 at a time; `contactId` narrows them to one contact. A look by staff is
 * audited, and the sensitive notes it showed are named in an entry of their own (every read of one is logged).
 */
export async function notesPage(access: CaseWorkAccess, cursor: string | null, contactId: string | null = null) {
	const where = and(
		eq(caseNotes.participantId, access.participantId),
		isNull(caseNotes.deletedAt),
		visibleTo(access),
		contactId === null ? undefined : eq(caseNotes.contactId, contactId)
	);
	const page = await keysetPage({
		list: `notes:${access.participantId}:${contactId ?? ''}:${access.readStaffNotes}:${access.readSensitiveNotes}`,
		cursor,
		descending: true,
		columns: [caseNotes.createdAt, caseNotes.id],
		keyOf: (n: NoteRow) => [n.createdAt.getTime(), n.id],
		rows: (key, orderBy, limit) =>
			db
				.select(noteColumns)
				.from(caseNotes)
				.innerJoin(users, eq(users.id, caseNotes.authorId))
				.where(and(where, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(caseNotes).where(where))[0].n
	});
	if (byOther(access)) {
		const sensitive = page.rows.filter((n) => n.sensitive).map((n) => n.id);
		db.transaction((tx) => {
			const audit = { actor: access.actor, participantId: access.participantId };
			recordAuditIn(tx, { ...audit, action: 'notes.viewed', detail: { shown: page.rows.length } });
			if (sensitive.length > 0) {
				recordAuditIn(tx, { ...audit, action: 'note.sensitive_read', detail: { notes: sensitive } });
			}
		});
	}
	return page;
}

/** The notes shared with the person, by goal, for her plan: never staff-only or another person's. */
export async function sharedNotesByGoal(access: CaseWorkAccess): Promise<Map<string, NoteRow[]>> {
	const rows = await db
		.select(noteColumns)
		.from(caseNotes)
		.innerJoin(users, eq(users.id, caseNotes.authorId))
		.where(
			and(
				eq(caseNotes.participantId, access.participantId),
				eq(caseNotes.subject, 'goal'),
				eq(caseNotes.sharedWithParticipant, true),
				isNull(caseNotes.deletedAt)
			)
		)
		.orderBy(desc(caseNotes.createdAt));
	const byGoal = new Map<string, NoteRow[]>();
	for (const row of rows) if (row.goalId !== null) byGoal.set(row.goalId, [...(byGoal.get(row.goalId) ?? []), row]);
	if (byOther(access) && rows.length > 0) {
		await recordAudit({ actor: access.actor, action: 'notes.viewed', participantId: access.participantId });
	}
	return byGoal;
}

/** The goals and contacts a note can be about, for the form's choices (a plan has a handful of goals). */
export async function noteSubjectsOf(access: CaseWorkAccess, locale: Locale) {
	const [goalRows, contactRows] = await Promise.all([
		db
			.select({
				id: goals.id,
				field: goals.field,
				title: goals.title,
				titleLocale: goals.titleLocale,
				catalogueText: catalogueTexts.text
			})
			.from(goals)
			.leftJoin(catalogueTexts, and(eq(catalogueTexts.entryId, goals.catalogueId), eq(catalogueTexts.locale, locale)))
			.where(eq(goals.participantId, access.participantId))
			.orderBy(goals.position),
		db
			.select({ id: contacts.id, occurredAt: contacts.occurredAt, form: contacts.form, kind: contacts.kind })
			.from(contacts)
			.where(eq(contacts.participantId, access.participantId))
			.orderBy(desc(contacts.occurredAt))
			.limit(20)
	]);
	return { goals: goalRows, contacts: contactRows };
}

/** Writes a note on the case, one of the person's goals or one of her contacts; closed cases take none. */
export function writeNote(access: CaseWorkAccess, input: NoteInput): NoteOutcome {
	if (!access.recordWork) return { ok: false, reason: 'notes.not_allowed' };
	const id = crypto.randomUUID();
	const refusal = db.transaction((tx): NoteRefusal | null => {
		const row = caseOfIn(tx, access.participantId);
		if (!acceptsCaseWork(row)) return 'notes.case_closed';
		const goalId = input.subject === 'goal' ? input.goalId : null;
		const contactId = input.subject === 'contact' ? input.contactId : null;
		if (input.subject === 'goal') {
			const goal =
				goalId === null
					? undefined
					: tx.select({ p: goals.participantId }).from(goals).where(eq(goals.id, goalId)).get();
			if (goal?.p !== access.participantId) return 'notes.subject_unknown';
		}
		if (input.subject === 'contact') {
			const contact =
				contactId === null
					? undefined
					: tx.select({ p: contacts.participantId }).from(contacts).where(eq(contacts.id, contactId)).get();
			if (contact?.p !== access.participantId) return 'notes.subject_unknown';
		}
		tx.insert(caseNotes)
			.values({
				id,
				participantId: access.participantId,
				caseId: row.id,
				subject: input.subject,
				goalId,
				contactId,
				body: input.body,
				language: input.language,
				sharedWithParticipant: input.sharedWithParticipant,
				sensitive: input.sensitive,
				authorId: access.actor.id
			})
			.run();
		recordAuditIn(tx, {
			actor: access.actor,
			action: 'note.written',
			participantId: access.participantId,
			detail: { noteId: id, subject: input.subject, shared: input.sharedWithParticipant, sensitive: input.sensitive }
		});
		return null;
	});
	return refusal === null ? { ok: true, id } : { ok: false, reason: refusal };
}
