import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../audit/chain.js';
import { ANONYMISED_NAME } from '$lib/retention';
import { db } from '../db';
import {
	auditLog,
	caseEvents,
	caseNotes,
	cases,
	contactTopics,
	contacts,
	documentFiles,
	documents,
	goals,
	households,
	participants,
	planHistory,
	planVersions,
	sessions,
	users
} from '../db/schema';
import { load, newStorageKey, store } from '../documents/storage';
import { parseCaseloadFilters, searchCaseload } from '../participants/caseload';
import { actorOf, makeOrganisation, makeSession, makeUser } from '../testing/factories';
import { germanNoon, makeCatalogueGoal, makeClosedCase, setRetention, type PersonalData } from '../testing/closed-case';
import { anonymisedFrom } from './due';
import { runRetention } from './run';
import { dueForAdmin, dueCountsByOrganisation } from './upcoming';

const data = (n: number): PersonalData => ({
	givenName: `Rania${n}`,
	familyName: `Kassab${n}`,
	phone: `0171 555 00${n}`,
	email: `rania${n}@example.org`,
	address: `Lindenstraße ${n}, 71254 Ditzingen`,
	birthDate: '1990-03-14',
	contactNote: `Sprach über ihren Bruder ${n}`,
	goalTitle: `Führerschein bei Fahrschule Maier ${n}`,
	caseNote: `Vertraulich ${n}`
});

// "Today" for these tests: 15 May 2027, noon in Berlin.
const NOW = germanNoon('2027-05-15');

async function world(years = 3) {
	const org = await makeOrganisation('county');
	const town = await makeOrganisation('town');
	await setRetention(org.id, years);
	const caseworker = await makeUser('caseworker', org.id);
	const goal = await makeCatalogueGoal();
	const closed = (closedOn: string, n: number) =>
		makeClosedCase({
			organisationId: org.id,
			townId: town.id,
			caseworkerId: caseworker.id,
			closedOn,
			catalogueGoalId: goal.id,
			data: data(n)
		});
	return { org, town, caseworker, closed };
}

const caseOf = async (id: string) => (await db.select().from(cases).where(eq(cases.id, id)))[0];

describe('the retention rule', () => {
	it('anonymises from the day after closure plus N years, counting 29 February as the BGB does', () => {
		expect(anonymisedFrom('2024-05-14', 3)).toBe('2027-05-15');
		expect(anonymisedFrom('2024-02-29', 1)).toBe('2025-03-01');
		expect(anonymisedFrom('2022-12-31', 5)).toBe('2028-01-01');
	});
});

describe('runRetention', () => {
	it('anonymises a case closed 3 years and a day ago, not one closed 3 years less a day ago', async () => {
		const w = await world();
		const due = await w.closed('2024-05-14', 1);
		const kept = await w.closed('2024-05-16', 2);
		const exact = await w.closed('2024-05-15', 3);
		const run = await runRetention(NOW);
		expect(run.anonymised).toContain(due.caseId);
		expect(run.anonymised).not.toContain(kept.caseId);
		// Closed exactly three years ago today: kept for the whole of today.
		expect(run.anonymised).not.toContain(exact.caseId);
		expect((await caseOf(due.caseId)).anonymisedAt).not.toBeNull();
		expect((await caseOf(kept.caseId)).anonymisedAt).toBeNull();
	});

	it('removes the personal data and keeps what the figures count', async () => {
		const w = await world();
		const { participant, caseId } = await w.closed('2023-01-10', 4);
		const session = await makeSession(participant.userId!, 'participant');
		await runRetention(NOW);
		const [p] = await db.select().from(participants).where(eq(participants.id, participant.id));
		expect(p).toMatchObject({
			givenName: '',
			familyName: ANONYMISED_NAME,
			phone: '',
			email: '',
			address: '',
			birthDate: '1990-07-01',
			gender: 'female',
			nationality: 'SY',
			residenceStatus: 'refugee'
		});
		const [account] = await db.select().from(users).where(eq(users.id, participant.userId!));
		expect(account.active).toBe(false);
		expect(await db.select().from(sessions).where(eq(sessions.id, session))).toEqual([]);
		expect(await db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId))).toEqual([]);
		const [contact] = await db.select().from(contacts).where(eq(contacts.caseId, caseId));
		expect(contact).toMatchObject({ note: '', durationMinutes: 45, form: 'home_visit', kind: 'follow_up' });
		const [{ topics }] = await db
			.select({ topics: count() })
			.from(contactTopics)
			.where(eq(contactTopics.contactId, contact.id));
		expect(topics).toBe(1);
		const kept = await db
			.select({ field: goals.field, status: goals.status, title: goals.title })
			.from(goals)
			.where(eq(goals.participantId, participant.id))
			.orderBy(goals.field);
		expect(kept).toEqual([
			{ field: 'language', status: 'achieved', title: '' },
			{ field: 'work', status: 'in_progress', title: '' }
		]);
		const events = await db
			.select()
			.from(caseEvents)
			.where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'anonymised')));
		expect(events).toHaveLength(1);
		const [tombstone] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'case.anonymised'), eq(auditLog.participantId, participant.id)));
		expect(JSON.stringify(tombstone.detail)).not.toContain('Kassab4');
		// The chain is appended to, never rewritten: it still verifies from the first entry.
		const chain = db.$client
			.prepare(
				'select id, created_at as at, actor_id as actorId, actor_role as actorRole, action, participant_id as participantId, detail, prev_hash as prevHash, hash from audit_log order by id'
			)
			.all() as Parameters<typeof verifyChain>[0] extends Iterable<infer R> ? R[] : never;
		expect(verifyChain(chain).broken).toBeNull();
	});

	it('never anonymises a reopened case', async () => {
		const w = await world();
		const { caseId } = await w.closed('2023-01-10', 5);
		await db.update(cases).set({ status: 'active' }).where(eq(cases.id, caseId));
		expect((await runRetention(NOW)).anonymised).not.toContain(caseId);
		expect((await caseOf(caseId)).anonymisedAt).toBeNull();
	});

	it('follows the organisation’s own period: with 5 years a case closed 4 years ago stays', async () => {
		const w = await world(5);
		const four = await w.closed('2023-05-01', 6);
		const six = await w.closed('2021-05-01', 7);
		const run = await runRetention(NOW);
		expect(run.anonymised).toContain(six.caseId);
		expect(run.anonymised).not.toContain(four.caseId);
	});

	it('anonymises a case once when two runs race', async () => {
		const w = await world();
		const { caseId } = await w.closed('2023-02-01', 8);
		const [a, b] = await Promise.all([runRetention(NOW), runRetention(NOW)]);
		expect([...a.anonymised, ...b.anonymised].filter((id) => id === caseId)).toHaveLength(1);
		const events = await db
			.select()
			.from(caseEvents)
			.where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'anonymised')));
		expect(events).toHaveLength(1);
	});

	it('does next month what the dry run listed', async () => {
		const w = await world();
		// Due on 2027-05-20 and 2027-06-14 (within a month of 15 May); 2027-06-16 is beyond it.
		const soon = await w.closed('2024-05-19', 9);
		const later = await w.closed('2024-06-13', 10);
		const beyond = await w.closed('2024-06-15', 11);
		const listed = await dueForAdmin(null, '2027-06-15');
		const ids = listed.rows.map((r) => r.caseId);
		expect(ids).toContain(soon.caseId);
		expect(ids).toContain(later.caseId);
		expect(ids).not.toContain(beyond.caseId);
		expect(listed.rows.find((r) => r.caseId === later.caseId)).toMatchObject({
			closedOn: '2024-06-13',
			anonymisedOn: '2027-06-14'
		});
		const counts = await dueCountsByOrganisation('2027-06-15');
		expect(counts.find((c) => c.organisation === w.org.name)?.cases).toBe(2);
		const run = await runRetention(germanNoon('2027-06-15'));
		const mine = run.anonymised.filter((id) => [soon.caseId, later.caseId, beyond.caseId].includes(id));
		expect(mine.sort()).toEqual([soon.caseId, later.caseId].sort());
	});

	it('reduces agreed plan versions to catalogue texts, empties plan history and deletes document files', async () => {
		const w = await world();
		const { participant, caseId } = await w.closed('2023-03-01', 12);
		const goal = { id: 'g', field: 'work' as const, why: 'weil Bruder dort arbeitet', whyLocale: 'de' as const };
		await db.insert(planVersions).values({
			id: crypto.randomUUID(),
			participantId: participant.id,
			number: 1,
			createdBy: w.caseworker.id,
			agreedAt: new Date('2022-01-10T10:00:00Z'),
			snapshot: {
				nextReviewDate: null,
				goals: [
					{
						...goal,
						title: { kind: 'free', text: 'Job bei Bäckerei Schmid', locale: 'de' },
						status: 'planned',
						targetDate: null,
						steps: [
							{
								id: 's',
								text: { kind: 'catalogue', texts: { de: 'Lebenslauf schreiben' } },
								assignee: 'service',
								serviceName: 'Jobcenter, Herr Maier',
								dueDate: null,
								done: false
							}
						]
					}
				]
			}
		});
		await db.insert(planHistory).values({
			participantId: participant.id,
			actorId: w.caseworker.id,
			change: 'goal_added',
			detail: { title: 'Job bei Bäckerei Schmid' }
		});
		const documentId = crypto.randomUUID();
		const storageKey = newStorageKey();
		await store(storageKey, Buffer.from('a scanned letter'));
		await db.insert(documents).values({
			id: documentId,
			participantId: participant.id,
			category: 'identity',
			title: 'Pass von Rania',
			uploadedBy: w.caseworker.id
		});
		await db.insert(documentFiles).values({
			id: crypto.randomUUID(),
			documentId,
			position: 0,
			originalName: 'pass-rania.jpg',
			mediaType: 'image/jpeg',
			byteSize: 16,
			storageKey,
			uploadedBy: w.caseworker.id
		});
		expect((await runRetention(NOW)).anonymised).toContain(caseId);
		const [version] = await db.select().from(planVersions).where(eq(planVersions.participantId, participant.id));
		const text = JSON.stringify(version.snapshot);
		expect(text).not.toContain('Schmid');
		expect(text).not.toContain('Bruder');
		expect(text).not.toContain('Maier');
		expect(text).toContain('Lebenslauf schreiben');
		expect(version.snapshot.goals[0]).toMatchObject({ field: 'work', status: 'planned' });
		const history = await db.select().from(planHistory).where(eq(planHistory.participantId, participant.id));
		expect(history.map((h) => [h.change, h.detail])).toEqual([['goal_added', null]]);
		expect(await db.select().from(documentFiles).where(eq(documentFiles.documentId, documentId))).toEqual([]);
		const [doc] = await db.select().from(documents).where(eq(documents.id, documentId));
		expect(doc).toMatchObject({ title: '', category: 'identity' });
		await expect(load(storageKey)).rejects.toThrow();
	});

	it('leaves an agreed plan version of a case that is not anonymised unchangeable', async () => {
		const w = await world();
		const { participant } = await w.closed('2026-01-01', 13);
		const id = crypto.randomUUID();
		await db.insert(planVersions).values({
			id,
			participantId: participant.id,
			number: 1,
			createdBy: w.caseworker.id,
			agreedAt: new Date(),
			snapshot: { nextReviewDate: null, goals: [] }
		});
		expect(() => db.update(planVersions).set({ paperNote: 'x' }).where(eq(planVersions.id, id)).run()).toThrow(
			/immutable/
		);
	});

	it('finds an anonymised person no more by the old name', async () => {
		const w = await world();
		const lead = await makeUser('lead', w.org.id);
		await w.closed('2023-04-01', 14);
		const before = await searchCaseload(actorOf(lead), parseCaseloadFilters(new URLSearchParams('q=Kassab14')));
		await runRetention(NOW);
		const after = await searchCaseload(actorOf(lead), parseCaseloadFilters(new URLSearchParams('q=Kassab14')));
		expect(before.total).toBe(1);
		expect(after.total).toBe(0);
	});

	it('renames a household once every member is anonymised, not before', async () => {
		const w = await world();
		const a = await w.closed('2023-01-05', 15);
		const b = await w.closed('2026-01-05', 16);
		const householdId = crypto.randomUUID();
		await db.insert(households).values({ id: householdId, name: 'Familie Kassab' });
		await db
			.update(participants)
			.set({ householdId })
			.where(inArray(participants.id, [a.participant.id, b.participant.id]));
		await runRetention(NOW);
		const name = async () => (await db.select().from(households).where(eq(households.id, householdId)))[0].name;
		expect(await name()).toBe('Familie Kassab');
		await runRetention(germanNoon('2029-01-07'));
		expect(await name()).toBe(ANONYMISED_NAME);
	});
});
