import { and, count, eq, inArray } from 'drizzle-orm';
import { dueCountsByOrganisation, horizonDay } from '../retention/upcoming';
import { describe, expect, it } from 'vitest';
import { signIn } from '../auth/sign-in';
import { db } from '../db';
import { dayInGermany } from '$lib/i18n/format';
import {
	assessments,
	caseEvents,
	caseNotes,
	caseRequests,
	cases,
	covers,
	documentFiles,
	documentQuestions,
	documents,
	handovers,
	organisations,
	participants,
	referrals,
	services,
	users
} from '../db/schema';
import { DEMO_CLOSURES } from './outcomes';
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
		// Case work: the county's directory, referrals in several states (one on Amina's Jobcenter consent),
		// entry assessments for the three showcase participants, a shared and a sensitive note.
		expect((await db.select().from(services)).length).toBeGreaterThanOrEqual(12);
		const made = await db.select().from(referrals);
		expect(new Set(made.map((r) => r.status))).toEqual(new Set(['made', 'accepted', 'attended', 'failed']));
		expect(made.filter((r) => r.sharesData && r.consentId !== null)).toHaveLength(1);
		// The three showcase participants' entry assessments, and an entry and exit pair per closure of the year.
		const snapshots = (await db.select().from(assessments)).map((a) => a.kind);
		expect(snapshots.filter((k) => k === 'entry')).toHaveLength(3 + DEMO_CLOSURES);
		expect(snapshots.filter((k) => k === 'exit')).toHaveLength(DEMO_CLOSURES);
		const notes = await db.select().from(caseNotes);
		expect(notes.some((n) => n.sharedWithParticipant && n.language === 'de')).toBe(true);
		expect(notes.some((n) => n.sensitive)).toBe(true);
		// One cover ended yesterday, one runs this week; posts of 1.0, 0.75 and 0.5.
		const today = dayInGermany();
		const demoCovers = await db.select().from(covers);
		expect(demoCovers.map((c) => c.endsOn < today).sort()).toEqual([false, true]);
		const posts = await db.select({ fte: users.fullTimeEquivalent }).from(users).where(eq(users.role, 'caseworker'));
		expect(posts.map((p) => p.fte).sort()).toEqual([100, 50, 75]);
		// Seeding writes through the domain (plans, documents, cases): seconds on a busy 2-core machine.
	}, 30_000);

	it('every documented demo login works with the demo password', async () => {
		const logins = [
			'admin',
			'lead',
			'caseworker',
			'caseworker2',
			'coordinator',
			'volunteer',
			'participant',
			'participant.ti',
			'participant.fa',
			'participant.closed'
		];
		for (const [i, username] of logins.entries()) {
			expect((await signIn(username, DEMO_PASSWORD, `10.8.0.${i}`)).outcome, username).toBe('signed_in');
		}
		const [amina] = await db.select({ locale: users.locale }).from(users).where(eq(users.username, 'participant'));
		expect(amina.locale).toBe('ar');
	});

	it('shows the course of a case: a handover waiting, a period near its end, a closed case', async () => {
		const referred = await db.select().from(cases).where(eq(cases.status, 'referred'));
		expect(referred).toHaveLength(1);
		expect(await db.select().from(handovers).where(eq(handovers.caseId, referred[0].id))).toHaveLength(1);
		const open = await db.select().from(caseRequests);
		expect(open.map((r) => [r.kind, r.outcome, r.months])).toEqual([['extension', null, 48]]);
		const [waiting] = await db.select().from(cases).where(eq(cases.id, open[0].caseId));
		expect(waiting.status).toBe('active');
		const [closed] = await db
			.select()
			.from(cases)
			.where(and(eq(cases.status, 'closed'), eq(cases.closureReason, 'transferred_mbe')));
		expect(closed).toMatchObject({ closureReason: 'transferred_mbe', transferTarget: 'mbe' });
		const events = await db.select({ kind: caseEvents.kind }).from(caseEvents).where(eq(caseEvents.caseId, closed.id));
		expect(events.map((e) => e.kind)).toEqual([
			'opened',
			'handover_received',
			'first_contact',
			'paused',
			'resumed',
			'transferred',
			'closed'
		]);
		const showcase = await db
			.select({ status: cases.status })
			.from(cases)
			.innerJoin(participants, eq(cases.participantId, participants.id))
			.innerJoin(users, eq(participants.userId, users.id))
			.where(inArray(users.username, ['participant', 'participant.ti', 'participant.fa']));
		expect(showcase.map((c) => c.status)).toEqual(['active', 'active', 'active']);
	});

	it('has two Caritas cases the retention run will anonymise within the month, none today', async () => {
		expect(await dueCountsByOrganisation(horizonDay())).toEqual([
			{ organisation: 'Caritas Ludwigsburg', years: 3, cases: 2 }
		]);
		expect(await dueCountsByOrganisation(dayInGermany())).toEqual([]);
	});
});
