import { and, count, eq, isNull, sum } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { appointments, contacts, networkingContacts, participants, users } from '../db/schema';
import { seedDemo } from './seed';

describe('demo contacts', () => {
	it(
		'give Sabine Keller a year of contacts and networking, and leave a done meeting to document',
		{ timeout: 30_000 },
		async () => {
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
			// Amina's done office consultation waits for its contact (the work queue's "done without a contact").
			const done = await db
				.select({ id: appointments.id })
				.from(appointments)
				.leftJoin(contacts, eq(contacts.appointmentId, appointments.id))
				.where(and(eq(appointments.participantId, amina.id), eq(appointments.status, 'done'), isNull(contacts.id)));
			expect(done.length).toBeGreaterThan(0);
		}
	);
});
