import { count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/sign-in';
import { db } from '../db';
import { dayInGermany } from '$lib/i18n/format';
import { covers, documentFiles, documentQuestions, documents, organisations, participants, users } from '../db/schema';
import { DEMO_PASSWORD, seedDemo } from './seed';

describe('demo data', () => {
	it('creates a realistic installation once; a second run changes nothing', async () => {
		expect(await seedDemo()).toBe(true);
		const [{ n: people }] = await db.select({ n: count() }).from(participants);
		expect(people).toBeGreaterThanOrEqual(150);
		expect(people).toBeLessThanOrEqual(175);
		expect(await seedDemo()).toBe(false);
		const [{ n: again }] = await db.select({ n: count() }).from(participants);
		expect(again).toBe(people);
		const kinds = (await db.select({ kind: organisations.kind }).from(organisations)).map((o) => o.kind).sort();
		expect(kinds).toEqual(['county', 'town', 'town', 'welfare']);
		const languages = new Set((await db.select({ l: participants.language }).from(participants)).map((r) => r.l));
		expect([...languages].sort()).toEqual(['ar', 'de', 'en', 'fa', 'ti']);
		// Documents go through the upload pipeline: encrypted files, an expiring permit, an open question.
		const docs = await db.select().from(documents);
		expect(docs.map((d) => d.category).sort()).toEqual(['certificates', 'identity', 'letters', 'residence_permit']);
		expect(await db.select({ n: count() }).from(documentFiles)).toEqual([{ n: 5 }]);
		expect((await db.select().from(documentQuestions)).map((q) => q.answeredAt)).toEqual([null]);
		// One cover ended yesterday, one runs this week; posts of 1.0, 0.75 and 0.5.
		const today = dayInGermany();
		const demoCovers = await db.select().from(covers);
		expect(demoCovers.map((c) => c.endsOn < today).sort()).toEqual([false, true]);
		const posts = await db.select({ fte: users.fullTimeEquivalent }).from(users).where(eq(users.role, 'caseworker'));
		expect(posts.map((p) => p.fte).sort()).toEqual([100, 50, 75]);
	});

	it('every documented demo login works with the demo password', async () => {
		const logins = [
			'admin',
			'lead',
			'caseworker',
			'caseworker2',
			'volunteer',
			'participant',
			'participant.ti',
			'participant.fa'
		];
		for (const [i, username] of logins.entries()) {
			expect((await signIn(username, DEMO_PASSWORD, `10.8.0.${i}`)).outcome, username).toBe('signed_in');
		}
		const [amina] = await db.select({ locale: users.locale }).from(users).where(eq(users.username, 'participant'));
		expect(amina.locale).toBe('ar');
	});
});
