import { error } from '@sveltejs/kit';
import { caseWorkHeading } from '../cases/require';
import { and, count, eq, gte, inArray, lt, sum } from 'drizzle-orm';
import type { Topic } from '$lib/casework';
import { recordAudit } from '../audit';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { cases, contactPersons, contacts, contactTopics, participants, users, type Contact } from '../db/schema';
import type { Actor } from '../policy';
import { byOther } from '../policy/access';
import { caseWorkAccess, type CaseWorkAccess } from '../policy/casework';

/** Opens a person's contacts for an actor, or 404; every look by someone other than the person is audited. */
export async function openContacts(actor: Actor, participantId: string): Promise<CaseWorkAccess> {
	const access = await caseWorkAccess(actor, participantId);
	if (access === null) error(404, 'error.not_found');
	if (byOther(access)) await recordAudit({ actor, action: 'contacts.viewed', participantId });
	return access;
}

/** Access for a write (recording, correcting), or 404: the write's own audit entry says what happened. */
export async function openContactWriting(actor: Actor, participantId: string): Promise<CaseWorkAccess> {
	const access = await caseWorkAccess(actor, participantId);
	if (access === null || !access.recordWork) error(404, 'error.not_found');
	return access;
}

/** A contact as lists show it; `note` is null for readers who may not see staff notes (the person herself). */
export type ContactRow = Omit<Contact, 'note'> & {
	note: string | null;
	caseworkerName: string;
	topics: Topic[];
	persons: string[];
};

async function withDetails(access: CaseWorkAccess, rows: (Contact & { caseworkerName: string })[]) {
	const ids = rows.map((r) => r.id);
	const [topics, persons] =
		ids.length === 0
			? [[], []]
			: await Promise.all([
					db.select().from(contactTopics).where(inArray(contactTopics.contactId, ids)),
					db.select().from(contactPersons).where(inArray(contactPersons.contactId, ids))
				]);
	return rows.map((r): ContactRow => ({
		...r,
		note: access.readStaffNotes ? r.note : null,
		topics: topics.filter((t) => t.contactId === r.id).map((t) => t.topic),
		persons: persons.filter((p) => p.contactId === r.id).map((p) => p.participantId)
	}));
}

function selectContacts() {
	return db
		.select({ c: contacts, caseworkerName: users.displayName })
		.from(contacts)
		.innerJoin(users, eq(contacts.caseworkerId, users.id));
}

/** The person's contacts, newest first, 50 at a time (index contacts_participant_idx). */
export async function contactsPage(access: CaseWorkAccess, cursor: string | null) {
	const where = eq(contacts.participantId, access.participantId);
	const page = await keysetPage({
		list: `contacts:${access.participantId}`,
		cursor,
		columns: [contacts.occurredAt, contacts.id],
		descending: true,
		keyOf: (r: Contact & { caseworkerName: string }) => [r.occurredAt.getTime(), r.id],
		rows: async (key, orderBy, limit) =>
			(
				await selectContacts()
					.where(and(where, key))
					.orderBy(...orderBy)
					.limit(limit)
			).map((r) => ({ ...r.c, caseworkerName: r.caseworkerName })),
		count: async () => (await db.select({ n: count() }).from(contacts).where(where))[0].n
	});
	return { ...page, rows: await withDetails(access, page.rows) };
}

/** One contact of this person, or null. */
export async function contactDetail(access: CaseWorkAccess, contactId: string): Promise<ContactRow | null> {
	const [row] = await selectContacts().where(
		and(eq(contacts.id, contactId), eq(contacts.participantId, access.participantId))
	);
	if (row === undefined) return null;
	const [detail] = await withDetails(access, [{ ...row.c, caseworkerName: row.caseworkerName }]);
	return detail;
}

/** Count and minutes of the person's contacts in [from, to). */
export async function contactTotals(access: CaseWorkAccess, from: Date, to: Date) {
	const [row] = await db
		.select({ n: count(), minutes: sum(contacts.durationMinutes) })
		.from(contacts)
		.where(
			and(eq(contacts.participantId, access.participantId), gte(contacts.occurredAt, from), lt(contacts.occurredAt, to))
		);
	return { count: row.n, minutes: Number(row.minutes ?? 0) };
}

/** What the contact form needs to know of the case: whether it takes work, whether this is the first contact. */
export async function caseStateFor(access: CaseWorkAccess) {
	const [row] = await db
		.select({ status: cases.status })
		.from(cases)
		.where(eq(cases.participantId, access.participantId));
	if (row === undefined) error(404, 'error.not_found');
	return { closed: row.status === 'closed', firstContact: row.status === 'referred' };
}

/** Who can be named as present: the person and the members of her household. */
export async function householdChoices(access: CaseWorkAccess) {
	const [self] = await db
		.select({ householdId: participants.householdId })
		.from(participants)
		.where(eq(participants.id, access.participantId));
	const names = { id: participants.id, givenName: participants.givenName, familyName: participants.familyName };
	if (self === undefined) error(404, 'error.not_found');
	return self.householdId === null
		? db.select(names).from(participants).where(eq(participants.id, access.participantId))
		: db.select(names).from(participants).where(eq(participants.householdId, self.householdId));
}

/** The person's name for the page heading. */
export async function personName(access: CaseWorkAccess): Promise<string> {
	const person = await caseWorkHeading(access);
	return `${person.givenName} ${person.familyName}`;
}
