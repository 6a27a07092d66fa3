import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportPeriod } from '$lib/figures';
import { db } from '../db';
import {
	appointments,
	assessments,
	assignments,
	caseEvents,
	cases,
	contactPersons,
	contacts,
	contactTopics,
	goals,
	handovers,
	households,
	networkingContacts,
	organisations,
	participants,
	planHistory,
	planReviewOutcomes,
	planReviews,
	plans,
	planVersions,
	referrals,
	services
} from '../db/schema';
import { reportAccess, type ReportAccess } from '../policy';
import { actorOf, makeOrganisation, makeParticipant, makeUser } from '../testing/factories';
import { figureRecords } from './records';
import { buildReport } from './report';

// A hand-built county, year 2025, judged on 26 November 2026. Every expected value below is counted by hand
// from the rows written here (see the comment beside each), never by calling the code under test.
const YEAR: ReportPeriod = { from: '2025-01-01', to: '2025-12-31' };
const TODAY = '2026-11-26';
const at = (iso: string) => new Date(iso);

type Person = { id: string; caseId: string };
let w: Awaited<ReturnType<typeof world>>;

async function person(
	organisationId: string,
	townId: string,
	caseworkerId: string,
	fields: Partial<typeof participants.$inferInsert> = {}
): Promise<Person> {
	const p = await makeParticipant({ organisationId, townId, caseworkerId });
	if (Object.keys(fields).length > 0) await db.update(participants).set(fields).where(eq(participants.id, p.id));
	const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.participantId, p.id));
	return { id: p.id, caseId: row.id };
}

/** The case's course as events with their own dates (the factory's "opened" event is dated today, 2026). */
async function course(
	p: Person,
	steps: [string, 'active' | 'transferred' | 'closed', Record<string, unknown>?][],
	set: Partial<typeof cases.$inferInsert>
) {
	for (const [when, to, detail] of steps) {
		const kind = to === 'transferred' ? 'transferred' : to === 'closed' ? 'closed' : 'first_contact';
		await db.insert(caseEvents).values({ caseId: p.caseId, kind, toStatus: to, detail: detail ?? null, at: at(when) });
	}
	await db.update(cases).set(set).where(eq(cases.id, p.caseId));
}

async function contact(
	p: Person,
	caseworkerId: string,
	when: string,
	form: 'home_visit' | 'office' | 'phone' | 'digital',
	kind: 'first_talk' | 'follow_up',
	minutes: number,
	topics: ('benefits' | 'language_course' | 'housing')[] = [],
	others: string[] = []
) {
	const id = crypto.randomUUID();
	await db.insert(contacts).values({
		id,
		participantId: p.id,
		caseId: p.caseId,
		caseworkerId,
		occurredAt: at(when),
		durationMinutes: minutes,
		form,
		kind,
		createdBy: caseworkerId
	});
	for (const topic of topics) await db.insert(contactTopics).values({ contactId: id, topic });
	for (const other of [p.id, ...others]) {
		await db.insert(contactPersons).values({ contactId: id, participantId: other });
	}
}

async function world() {
	const county = await makeOrganisation('county', 'Landkreis Test');
	const otherCounty = await makeOrganisation('county', 'Landkreis Anders');
	const town = await makeOrganisation('town', 'Teststadt');
	const town2 = await makeOrganisation('town', 'Zweitdorf');
	const welfare = await makeOrganisation('welfare', 'Caritas Test');
	for (const o of [town, town2, welfare]) {
		await db.update(organisations).set({ countyId: county.id }).where(eq(organisations.id, o.id));
	}
	const a = await makeUser('caseworker', county.id, { displayName: 'Anna A' });
	const b = await makeUser('caseworker', county.id, { displayName: 'Bernd B', fullTimeEquivalent: 50 });
	const wc = await makeUser('caseworker', welfare.id);
	const lead = await makeUser('lead', county.id);
	const welfareLead = await makeUser('lead', welfare.id);
	const coordinator = await makeUser('coordinator', county.id);
	const otherCoordinator = await makeUser('coordinator', otherCounty.id);
	const admin = await makeUser('admin', null);

	const household = crypto.randomUUID();
	await db.insert(households).values({ id: household, name: 'H' });
	// P1: active since 2024, 25 at the end of 2025, female, Syrian, refugee, lives with P2.
	const p1 = await person(county.id, town.id, a.id, {
		birthDate: '2000-06-15',
		gender: 'female',
		nationality: 'SY',
		residenceStatus: 'refugee',
		householdId: household
	});
	await course(p1, [['2024-03-01T09:00:00Z', 'active']], { status: 'active', periodStartsOn: '2024-03-01' });
	// P2: new in 2025 (first contact 10 May), 15, male, Syrian, Gestattung, P1's household.
	const p2 = await person(county.id, town.id, a.id, {
		birthDate: '2010-01-01',
		gender: 'male',
		nationality: 'SY',
		residenceStatus: 'gestattung',
		householdId: household
	});
	await course(p2, [['2025-05-10T10:00:00Z', 'active']], { status: 'active', periodStartsOn: '2025-05-10' });
	// P3: counselled since 2023 (period extended to 48 months), transferred to the MBE, closed 30 September 2025.
	const p3 = await person(county.id, town.id, a.id, {
		birthDate: '1980-01-01',
		nationality: 'AF',
		residenceStatus: 'duldung'
	});
	await course(
		p3,
		[
			['2023-09-01T09:00:00Z', 'active'],
			['2025-09-01T09:00:00Z', 'transferred', { target: 'mbe' }],
			['2025-09-30T10:00:00Z', 'closed']
		],
		{
			status: 'closed',
			periodStartsOn: '2023-09-01',
			periodMonths: 48,
			closedAt: at('2025-09-30T10:00:00Z'),
			closureReason: 'goals_reached'
		}
	);
	// P4: closed in 2024: not in the 2025 figures at all.
	const p4 = await person(county.id, town.id, a.id, { birthDate: '1990-01-01' });
	await course(
		p4,
		[
			['2022-01-10T09:00:00Z', 'active'],
			['2024-05-01T09:00:00Z', 'closed']
		],
		{
			status: 'closed',
			periodStartsOn: '2022-01-10',
			closedAt: at('2024-05-01T09:00:00Z'),
			closureReason: 'moved_away'
		}
	);
	// P5: new in 2025 (15 January), closed only in March 2026: active at the end of 2025.
	const p5 = await person(county.id, town.id, a.id, { nationality: 'UA', residenceStatus: 'temporary_protection' });
	await course(
		p5,
		[
			['2025-01-15T09:00:00Z', 'active'],
			['2026-03-01T09:00:00Z', 'closed']
		],
		{ status: 'closed', periodStartsOn: '2025-01-15', closedAt: at('2026-03-01T09:00:00Z'), closureReason: 'other' }
	);
	// P6: Bernd's, in the second town, period started 2023-01-01 without extension (over since 1 January 2026).
	const p6 = await person(county.id, town2.id, b.id, {});
	await course(p6, [['2023-01-01T09:00:00Z', 'active']], { status: 'active', periodStartsOn: '2023-01-01' });
	// P7: the welfare organisation's, in the first town.
	const p7 = await person(welfare.id, town.id, wc.id, {});
	await course(p7, [['2025-01-02T09:00:00Z', 'active']], { status: 'active', periodStartsOn: '2025-01-02' });

	// Contacts. 23:30 on 31 Dec 2025 in Berlin is 22:30 UTC (in 2025); 00:30 on 1 Jan 2026 is 23:30 UTC (in 2026);
	// 00:30 on 1 Jan 2025 in Berlin is 23:30 UTC on 31 Dec 2024 (in 2025).
	await contact(p1, a.id, '2025-12-31T22:30:00Z', 'home_visit', 'follow_up', 60, ['benefits', 'housing'], [p2.id]);
	await contact(p1, a.id, '2025-12-31T23:30:00Z', 'office', 'follow_up', 20);
	await contact(p2, a.id, '2025-05-10T10:00:00Z', 'office', 'first_talk', 30, ['language_course']);
	await contact(p3, a.id, '2025-03-01T09:00:00Z', 'phone', 'follow_up', 15, ['benefits']);
	await contact(p6, b.id, '2025-06-01T09:00:00Z', 'home_visit', 'follow_up', 45);
	await contact(p7, wc.id, '2025-06-01T09:00:00Z', 'office', 'follow_up', 30);
	await contact(p1, a.id, '2024-12-31T23:30:00Z', 'digital', 'follow_up', 10);

	// Plans: P1 agreed 2024 and again 2025; P2 first agreed 30 days, P5 60 days after their first contact.
	const version = (p: Person, number: number, agreed: string) =>
		db.insert(planVersions).values({
			id: crypto.randomUUID(),
			participantId: p.id,
			number,
			snapshot: { goals: [] } as never,
			createdBy: a.id,
			agreedAt: at(agreed)
		});
	await version(p1, 1, '2024-06-01T10:00:00Z');
	await version(p1, 2, '2025-04-01T10:00:00Z');
	await version(p2, 1, '2025-06-09T10:00:00Z');
	await version(p5, 1, '2025-03-16T10:00:00Z');
	// Goals: P1's two (both in progress at the end of 2025; the second achieved only in February 2026).
	const goal = async (p: Person, field: 'language' | 'work', status: 'in_progress' | 'achieved' | 'dropped') => {
		const id = crypto.randomUUID();
		await db.insert(goals).values({ id, participantId: p.id, field, status, createdAt: at('2025-01-02T10:00:00Z') });
		return id;
	};
	const g1 = await goal(p1, 'language', 'in_progress');
	const g2 = await goal(p1, 'work', 'achieved');
	await db.insert(planHistory).values({
		participantId: p1.id,
		goalId: g2,
		change: 'goal.status',
		detail: { from: 'in_progress', to: 'achieved' },
		at: at('2026-02-01T10:00:00Z')
	});
	await goal(p3, 'work', 'achieved');
	await goal(p3, 'work', 'dropped');
	// Reviews of P1: 1 February (first, on time), 10 August (due 1 August: late), with one status change.
	const review1 = crypto.randomUUID();
	const review2 = crypto.randomUUID();
	await db.insert(planReviews).values([
		{
			id: review1,
			participantId: p1.id,
			heldAt: at('2025-02-01T10:00:00Z'),
			heldBy: a.id,
			nextReviewDate: '2025-08-01'
		},
		{
			id: review2,
			participantId: p1.id,
			heldAt: at('2025-08-10T10:00:00Z'),
			heldBy: a.id,
			nextReviewDate: '2026-01-01'
		}
	]);
	await db
		.insert(planReviewOutcomes)
		.values({ reviewId: review2, goalId: g1, statusBefore: 'planned', statusAfter: 'in_progress' });
	await db.insert(plans).values({ participantId: p1.id, nextReviewDate: '2026-01-01' });

	// Assessments of P3: A1, no work, shared housing, SGB II → B1, employed, own flat, no benefits.
	await db.insert(assessments).values([
		{
			id: crypto.randomUUID(),
			caseId: p3.caseId,
			kind: 'entry',
			createdAt: at('2023-09-10T10:00:00Z'),
			germanLevel: 'a1',
			work: 'none',
			housing: 'shared_housing',
			benefits: 'sgb2',
			recordedBy: a.id
		},
		{
			id: crypto.randomUUID(),
			caseId: p3.caseId,
			kind: 'exit',
			createdAt: at('2025-09-30T09:00:00Z'),
			germanLevel: 'b1',
			work: 'employed',
			housing: 'own_flat',
			benefits: 'none',
			recordedBy: a.id
		}
	]);
	// Networking of Anna: two in 2025, one deleted, one in 2024.
	const net = (when: string, group: 'authorities' | 'employers', deleted = false) =>
		db.insert(networkingContacts).values({
			id: crypto.randomUUID(),
			caseworkerId: a.id,
			organisationId: county.id,
			occurredAt: at(when),
			group,
			form: 'phone',
			durationMinutes: 20,
			deletedAt: deleted ? at(when) : null
		});
	await net('2025-02-03T10:00:00Z', 'authorities');
	await net('2025-10-03T10:00:00Z', 'employers');
	await net('2025-10-04T10:00:00Z', 'employers', true);
	await net('2024-10-03T10:00:00Z', 'employers');
	// K7: P2's handover in May 2025, a referral of P1 to the Jobcenter (attended).
	await db
		.insert(handovers)
		.values({ id: crypto.randomUUID(), caseId: p2.caseId, service: 'GU', allocatedOn: '2025-05-01', recordedBy: a.id });
	const service = crypto.randomUUID();
	await db.insert(services).values({ id: service, countyId: county.id, target: 'jobcenter', name: 'JC' });
	await db.insert(referrals).values({
		id: crypto.randomUUID(),
		participantId: p1.id,
		caseId: p1.caseId,
		serviceId: service,
		target: 'jobcenter',
		status: 'attended',
		madeBy: a.id,
		madeAt: at('2025-04-01T10:00:00Z')
	});
	// QA: a done appointment of P1 in July 2025 without a contact.
	await db.insert(appointments).values({
		id: crypto.randomUUID(),
		participantId: p1.id,
		kind: 'office_consultation',
		startsAt: at('2025-07-01T08:00:00Z'),
		endsAt: at('2025-07-01T09:00:00Z'),
		status: 'done',
		createdBy: a.id
	});
	return {
		county,
		otherCounty,
		town,
		town2,
		welfare,
		a,
		b,
		wc,
		lead,
		welfareLead,
		coordinator,
		otherCoordinator,
		admin,
		p1,
		p2,
		p3
	};
}

beforeAll(async () => {
	w = await world();
});

async function access(user: { id: string; role: never | string; organisationId: string | null }, request = {}) {
	const granted = await reportAccess(actorOf(user as Parameters<typeof actorOf>[0]), request);
	if (granted === null) throw new Error('no access');
	return granted;
}

describe("a caseworker's own figures for 2025", () => {
	let report: Awaited<ReturnType<typeof buildReport>>;
	beforeAll(async () => {
		report = await buildReport(await access(w.a), YEAR, TODAY);
	});

	it('K1: P1, P2, P5 in counselling at the end, P2 and P5 new, P3 closed; P4 (closed 2024) nowhere', () => {
		const k1 = report.figures.k1;
		expect([k1.atEnd, k1.new, k1.closed, k1.counselled]).toEqual([3, 2, 1, 4]);
		const part = (list: { key: string; count: unknown }[], key: string) => list.find((p) => p.key === key)?.count;
		// Ages at 31 Dec 2025: P1 25, P2 15, P3 45, P5 unknown.
		expect(k1.byAgeBand).toEqual([
			{ key: 'under_18', count: 1 },
			{ key: '18_26', count: 1 },
			{ key: '27_plus', count: 1 },
			{ key: 'unknown', count: 1 }
		]);
		expect([part(k1.byGender, 'female'), part(k1.byGender, 'male'), part(k1.byGender, 'unknown')]).toEqual([1, 1, 2]);
		expect(k1.byNationality).toEqual([
			{ key: 'SY', count: 2 },
			expect.objectContaining({ count: 1 }),
			expect.objectContaining({ count: 1 }),
			{ key: 'other', count: 0 },
			{ key: 'unknown', count: 0 }
		]);
		expect(k1.byHousehold).toEqual([
			{ key: 'single', count: 2 },
			{ key: 'household', count: 2 }
		]);
		// P3's latest snapshot is the exit one (own flat); the others have none.
		expect(part(k1.byHousing, 'own_flat')).toBe(1);
		expect(part(k1.byHousing, 'unknown')).toBe(3);
		expect(part(k1.byResidenceStatus, 'gestattung')).toBe(1);
		expect(k1.byTown).toEqual([{ key: w.town.id, label: 'Teststadt', count: 4 }]);
	});

	it('K2: the 23:30 contact on 31 December (Berlin) is in 2025, the 00:30 one on 1 January is not', () => {
		const k2 = report.figures.k2;
		// 31 Dec 22:30Z, 10 May, 1 Mar, 31 Dec 2024 23:30Z (= 1 Jan 2025 00:30 Berlin): 60 + 30 + 15 + 10 minutes.
		expect(k2.contacts).toBe(4);
		expect(k2.minutes).toBe(115);
		expect(k2.personsReached).toBe(3);
		expect(k2.byForm).toEqual([
			{ key: 'home_visit', count: 1 },
			{ key: 'office', count: 1 },
			{ key: 'accompanying', count: 0 },
			{ key: 'phone', count: 1 },
			{ key: 'digital', count: 1 }
		]);
		// follow-ups: (60 + 15 + 10) / 3 = 28.3 → 28; first talk 30.
		expect(k2.meanMinutesByKind.slice(0, 2)).toEqual([
			{ key: 'first_talk', minutes: 30 },
			{ key: 'follow_up', minutes: 28 }
		]);
		const month = (m: string, form: string) => k2.byFormPerMonth.find((x) => x.month === m && x.form === form)?.count;
		expect(k2.byFormPerMonth).toHaveLength(12 * 5);
		expect([month('2025-01', 'digital'), month('2025-12', 'home_visit'), month('2025-12', 'office')]).toEqual([
			1, 1, 0
		]);
	});

	it('the next year holds the 00:30 contact of 1 January 2026', async () => {
		const next = await buildReport(await access(w.a), { from: '2026-01-01', to: '2026-12-31' }, TODAY);
		expect(next.figures.k2.contacts).toBe(1);
		expect(next.figures.k2.byForm.find((f) => f.key === 'office')?.count).toBe(1);
	});

	it('K3: benefits twice (one protected, one tolerated), housing and language course once', () => {
		const k3 = report.figures.k3;
		const topic = (key: string) => k3.byTopic.find((t) => t.key === key)?.count;
		expect([topic('benefits'), topic('housing'), topic('language_course'), topic('work')]).toEqual([2, 1, 1, 0]);
		const cell = (t: string, g: string) => k3.byTopicAndStatusGroup.find((x) => x.topic === t && x.group === g)?.count;
		expect([
			cell('benefits', 'protected'),
			cell('benefits', 'tolerated'),
			cell('language_course', 'tolerated')
		]).toEqual([1, 1, 1]);
	});

	it('K4: two plans newly agreed after 30 and 60 days, one review of two on time', () => {
		expect(report.figures.k4).toEqual({
			newlyAgreed: 2,
			// P1's second version and two reviews.
			updated: 3,
			activeAtEnd: 3,
			agreedShare: 1,
			medianDaysToFirstPlan: 45,
			reviewsHeld: 2,
			reviewsOnTime: 1
		});
	});

	it('K5: both of P1’s goals in progress at the end of 2025; planned → in progress decided once', () => {
		const k5 = report.figures.k5;
		const nonZero = k5.byFieldAndStatus.filter((g) => g.count !== 0);
		expect(nonZero).toEqual([
			{ field: 'language', status: 'in_progress', count: 1 },
			{ field: 'work', status: 'in_progress', count: 1 }
		]);
		expect(k5.reviewChanges).toEqual([{ from: 'planned', to: 'in_progress', count: 1 }]);
	});

	// 2025 has 261 weekdays; 11 of Baden-Württemberg's public holidays fall on one (1 and 6 Jan, Good Friday 18 Apr,
	// Easter Monday 21 Apr, 1 May, Ascension 29 May, Whit Monday 9 Jun, Corpus Christi 19 Jun, 3 Oct, 25 and 26 Dec;
	// All Saints' was a Saturday): 250 working days.
	it('K6: two networking contacts over 250 working days (deleted and 2024 ones not counted)', () => {
		const k6 = report.figures.k6;
		expect(k6.contacts).toBe(2);
		expect(k6.byGroup.filter((g) => g.count !== 0)).toEqual([
			{ key: 'authorities', count: 1 },
			{ key: 'employers', count: 1 }
		]);
		expect(k6.perCaseworkerPerWorkingDay).toBeCloseTo(2 / 250, 10);
	});

	it('K7: one handover, one attended Jobcenter referral, one transfer to the MBE', () => {
		expect(report.figures.k7).toEqual({
			handovers: 1,
			referrals: [{ target: 'jobcenter', status: 'attended', count: 1 }],
			transfers: [
				{ key: 'mbe', count: 1 },
				{ key: 'jmd', count: 0 },
				{ key: 'regular_service', count: 0 }
			]
		});
	});

	it('K8: P3 closed with goals reached after 760 days (1 Sep 2023 – 30 Sep 2025), extended', () => {
		const k8 = report.figures.k8;
		expect(k8.byReason.filter((r) => r.count !== 0)).toEqual([{ key: 'goals_reached', count: 1 }]);
		expect([k8.meanDurationDays, k8.medianDurationDays, k8.extendedBeyond36]).toEqual([760, 760, 1]);
	});

	it('K9: one pair, A1 → B1, into work, own flat, off benefits; one of two work goals reached', () => {
		const k9 = report.figures.k9;
		expect(k9.pairs).toBe(1);
		expect(k9.germanLevel.improved).toBe(1);
		expect(k9.germanLevel.entry.find((l) => l.key === 'a1')?.count).toBe(1);
		expect(k9.germanLevel.exit.find((l) => l.key === 'b1')?.count).toBe(1);
		expect([k9.workOrTraining, k9.ownFlat, k9.noBenefits]).toEqual([
			{ entry: 0, exit: 1 },
			{ entry: 0, exit: 1 },
			{ entry: 0, exit: 1 }
		]);
		expect(k9.goalAttainment.find((g) => g.field === 'work')).toEqual({ field: 'work', achieved: 1, total: 2 });
	});

	it('K10: three cases on one post', () => {
		const k10 = report.figures.k10;
		expect([k10.cases, k10.posts, k10.casesPerPost, k10.target]).toEqual([3, 1, 3, 80]);
		expect(k10.perCaseworker).toEqual([{ id: w.a.id, name: 'Anna A', cases: 3, posts: 1 }]);
	});

	it('QA: the done appointment without contact, P1 and P2 without contact for 90 days, P1’s overdue review', () => {
		expect(report.qa).toEqual([
			{ warning: 'done_appointment_without_contact', count: 1 },
			{ warning: 'no_contact_90_days', count: 2 },
			{ warning: 'review_overdue', count: 1 },
			{ warning: 'period_over_without_extension', count: 0 }
		]);
	});
});

describe("the lead's organisation report", () => {
	it('adds Bernd (P6, half a post, period over without extension) and a row per caseworker', async () => {
		const report = await buildReport(await access(w.lead), YEAR, TODAY);
		expect(report.scope).toEqual({ kind: 'organisation', organisationId: w.county.id });
		const { k1, k2, k4, k10 } = report.figures;
		expect([k1.atEnd, k1.counselled, k2.contacts, k2.minutes, k2.personsReached]).toEqual([4, 5, 5, 160, 4]);
		// In counselling at the end: P1, P2, P5 with a plan, P6 without.
		expect(k4.agreedShare).toBe(0.75);
		expect([k10.cases, k10.posts, k10.casesPerPost]).toEqual([4, 1.5, 4 / 1.5]);
		expect(report.byCaseworker.map((c) => [c.name, c.figures.k2.contacts])).toEqual([
			['Anna A', 4],
			['Bernd B', 1]
		]);
		expect(report.qa.find((q) => q.warning === 'period_over_without_extension')?.count).toBe(1);
		expect(report.qa.find((q) => q.warning === 'no_contact_90_days')?.count).toBe(3);
	});
});

describe("the coordinator's county report", () => {
	it('shows counts of 1–4 as "lt5", larger ones as they are, and nothing per caseworker', async () => {
		const report = await buildReport(await access(w.coordinator), YEAR, TODAY);
		expect(report.aggregatesOnly).toBe(true);
		const { k1, k2, k8, k10 } = report.figures;
		// In counselling at the end: P1, P2, P5, P6, P7; counselled also P3; new P2, P5, P7; closed P3.
		expect([k1.atEnd, k1.counselled, k1.new, k1.closed]).toEqual([5, 6, 'lt5', 'lt5']);
		expect(k2.contacts).toBe(6);
		expect(k2.byForm.find((f) => f.key === 'accompanying')?.count).toBe(0);
		expect(k2.byForm.find((f) => f.key === 'office')?.count).toBe('lt5');
		expect(k8.meanDurationDays).toBeNull();
		expect(k10.perCaseworker).toEqual([]);
		expect(report.byCaseworker).toEqual([]);
		expect(report.qa.find((q) => q.warning === 'review_overdue')?.count).toBe('lt5');
		expect(JSON.stringify(report)).not.toMatch(/Anna|Bernd|Given|Family/);
	});

	it('a town: its people wherever they are counselled (P1, P2, P3, P5 and the welfare case P7)', async () => {
		const report = await buildReport(await access(w.coordinator, { townId: w.town.id }), YEAR, TODAY);
		expect(report.scope).toEqual({ kind: 'town', townId: w.town.id });
		expect(report.figures.k1.counselled).toBe(5);
	});
});

describe('who may see which figures', () => {
	const none = async (user: Parameters<typeof actorOf>[0], request: object) =>
		expect(await reportAccess(actorOf(user), request)).toBeNull();

	it('a caseworker only their own', async () => {
		await none(w.a, { caseworkerId: w.b.id });
		await none(w.a, { organisationId: w.county.id });
		const own: ReportAccess = await access(w.a, { caseworkerId: w.a.id });
		expect(own.scope).toEqual({ kind: 'caseworker', caseworkerId: w.a.id });
	});

	it('a lead their organisation and its caseworkers, not another organisation’s', async () => {
		expect((await access(w.lead, { caseworkerId: w.b.id })).scope).toEqual({
			kind: 'caseworker',
			caseworkerId: w.b.id
		});
		await none(w.lead, { caseworkerId: w.wc.id });
		await none(w.lead, { organisationId: w.welfare.id });
		await none(w.welfareLead, { caseworkerId: w.a.id });
		await none(w.welfareLead, { organisationId: w.county.id });
	});

	it('a coordinator their county, its towns and organisations, never a caseworker or another county', async () => {
		expect((await access(w.coordinator, { organisationId: w.welfare.id })).aggregatesOnly).toBe(true);
		await none(w.coordinator, { caseworkerId: w.a.id });
		await none(w.otherCoordinator, { townId: w.town.id });
		await none(w.otherCoordinator, { organisationId: w.welfare.id });
		await none(w.coordinator, { townId: w.welfare.id });
	});

	it('admin, participants and volunteers nothing', async () => {
		await none(w.admin, {});
		await none({ id: 'x', role: 'participant', organisationId: null }, {});
		await none({ id: 'y', role: 'volunteer', organisationId: null }, {});
	});
});

describe('the records behind a number', () => {
	it('lists a lead’s five contacts of 2025 and a caseworker’s one home visit, never for the coordinator', async () => {
		const lead = await figureRecords(await access(w.lead), YEAR, 'k2.contacts', null, null, TODAY);
		expect([lead?.total, lead?.hidden, lead?.rows.length]).toEqual([5, 0, 5]);
		// Newest first: the home visit at 23:30 on New Year's Eve.
		expect(lead?.rows[0].detail).toEqual(['contact_form.home_visit', 'contact_kind.follow_up']);
		const own = await figureRecords(await access(w.a), YEAR, 'k2.form', 'home_visit', null, TODAY);
		expect(own?.rows.map((r) => r.participantId)).toEqual([w.p1.id]);
		expect(await figureRecords(await access(w.coordinator), YEAR, 'k2.contacts', null, null, TODAY)).toBeNull();
		expect(await figureRecords(await access(w.a), YEAR, 'k2.form', 'teleport', null, TODAY)).toBeNull();
		expect(await figureRecords(await access(w.a), YEAR, 'k99', null, null, TODAY)).toBeNull();
	});

	it('counts what the caseworker can no longer open (P3 handed to Bernd) without showing it', async () => {
		await db.update(assignments).set({ endedAt: new Date() }).where(eq(assignments.participantId, w.p3.id));
		await db.insert(assignments).values({ participantId: w.p3.id, caseworkerId: w.b.id });
		// Anna's four contacts of 2025 stay hers; the one with P3 (1 March) is no longer hers to open.
		const own = await figureRecords(await access(w.a), YEAR, 'k2.contacts', null, null, TODAY);
		expect([own?.total, own?.hidden]).toEqual([3, 1]);
		expect(own?.rows.some((r) => r.participantId === w.p3.id)).toBe(false);
	});

	it('counts an anonymised case like any other but never reads its name', async () => {
		await db.update(cases).set({ anonymisedAt: new Date() }).where(eq(cases.id, w.p2.caseId));
		const lead = await figureRecords(await access(w.lead), YEAR, 'k1.new', null, null, TODAY);
		// New in 2025: P2 (anonymised now) and P5.
		expect(lead?.total).toBe(2);
		expect(lead?.rows.find((r) => r.participantId === w.p2.id)?.name).toBeNull();
		expect(lead?.rows.find((r) => r.participantId !== w.p2.id)?.name).toMatch(/^Given\d+ Family\d+$/);
		const report = await buildReport(await access(w.lead), YEAR, TODAY);
		expect(report.figures.k1.new).toBe(2);
	});
});
