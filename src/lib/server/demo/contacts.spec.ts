import { and, count, eq, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { appointments, contacts, networkingContacts, participants, users } from '../db/schema';
import { seedDemo } from './seed';

describe('demo contacts', () => {
	it('give Sabine Keller a year of contacts and networking, and leave one home visit to document', async () => {
		const started = Date.now();
		expect(await seedDemo()).toBe(true);
		const [sabine] = await db.select().from(users).where(eq(users.username, 'caseworker'));
		const [amina] = await db
			.select({ id: participants.id })
			.from(participants)
			.innerJoin(users, eq(participants.userId, users.id))
			.where(eq(users.username, 'participant'));
		const [theirs] = await db.select({ n: count() }).from(contacts).where(eq(contacts.participantId, amina.id));
		expect(theirs.n).toBeGreaterThanOrEqual(5);
		const [all] = await db
			.select({ n: count(), minutes: sum(contacts.durationMinutes) })
			.from(contacts)
			.where(eq(contacts.caseworkerId, sabine.id));
		expect(all.n).toBeGreaterThan(100);
		const forms = await db.selectDistinct({ form: contacts.form }).from(contacts);
		expect(forms.map((f) => f.form).sort()).toEqual(['accompanying', 'digital', 'home_visit', 'office', 'phone']);
		const future = (await db.select().from(contacts)).filter((c) => c.occurredAt.getTime() > started);
		expect(future).toEqual([]);
		const [networking] = await db
			.select({ n: count() })
			.from(networkingContacts)
			.where(eq(networkingContacts.caseworkerId, sabine.id));
		// About three a working day over a year.
		expect(networking.n).toBeGreaterThan(500);
		expect(networking.n).toBeLessThan(1000);
		const toDocument = await db
			.select()
			.from(appointments)
			.where(
				and(
					eq(appointments.kind, 'home_visit'),
					eq(appointments.staffId, sabine.id),
					eq(appointments.status, 'confirmed')
				)
			);
		expect(toDocument.some((a) => a.endsAt.getTime() < started)).toBe(true);
	});
});
