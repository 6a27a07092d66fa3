import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import { caseNotes, cases, contacts, contactTopics } from '../db/schema';
import { fixtureAccess, makeWorld } from '../testing/factories';
import { caseWorkForExport } from './casework-export';

let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
	world = await makeWorld();
	const [caseRow] = await db.select().from(cases).where(eq(cases.participantId, world.participant.id));
	const note = { participantId: world.participant.id, caseId: caseRow.id, authorId: world.caseworker.id };
	await db.insert(contacts).values({
		id: 'contact-1',
		participantId: world.participant.id,
		caseId: caseRow.id,
		caseworkerId: world.caseworker.id,
		occurredAt: new Date(),
		durationMinutes: 45,
		form: 'home_visit',
		kind: 'first_talk',
		note: 'Staff only: the landlord called',
		createdBy: world.caseworker.id
	});
	await db.insert(contactTopics).values([
		{ contactId: 'contact-1', topic: 'housing' },
		{ contactId: 'contact-1', topic: 'rent_debts' }
	]);
	await db.insert(caseNotes).values([
		{ id: 'n1', subject: 'case', body: 'Bitte Mietvertrag mitbringen', sharedWithParticipant: true, ...note },
		{ id: 'n2', subject: 'case', body: 'Internal assessment of the family', ...note },
		{ id: 'n3', subject: 'case', body: 'Health detail', sensitive: true, ...note }
	]);
});

describe("the case-work part of a participant's data export", () => {
	it('holds her case, her meetings with their topics and the notes shared with her, but no staff notes', async () => {
		const data = await caseWorkForExport(fixtureAccess(world.participant.id));
		expect(data?.status).toBe('active');
		expect(data?.contacts).toEqual([
			expect.objectContaining({ form: 'home_visit', kind: 'first_talk', durationMinutes: 45 })
		]);
		expect(data?.contacts[0].topics.sort()).toEqual(['housing', 'rent_debts']);
		expect(data?.notesSharedWithYou.map((n) => n.body)).toEqual(['Bitte Mietvertrag mitbringen']);
		const text = JSON.stringify(data);
		for (const withheld of ['landlord', 'Internal assessment', 'Health detail']) expect(text).not.toContain(withheld);
		expect(data?.staffNotes.included).toBe(false);
	});

	it("holds nothing of another person's case", async () => {
		const data = await caseWorkForExport(fixtureAccess(world.neighbour.id));
		expect(data?.contacts).toEqual([]);
		expect(data?.notesSharedWithYou).toEqual([]);
	});
});
