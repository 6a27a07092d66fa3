import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayInGermany } from '$lib/i18n/format';
import { db } from '../db';
import { appointments, caseRequests, cases, contacts, organisations, plans } from '../db/schema';
import { parseCaseloadFilters, searchCaseload } from '../participants/caseload';
import { actorOf, makeParticipant, makeWorld } from '../testing/factories';
import { periodEndsOn } from './period';
import { workQueue, workQueueHref } from './work-queue';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
const DAY = 86_400_000;
const daysAgo = (n: number) => dayInGermany(new Date(Date.now() - n * DAY));

async function person(caseStatus: 'referred' | 'active' = 'active') {
	return makeParticipant({
		organisationId: world.county.id,
		townId: world.town.id,
		caseworkerId: world.caseworker.id,
		caseStatus
	});
}
const setCase = (participantId: string, values: Partial<typeof cases.$inferInsert>) =>
	db.update(cases).set(values).where(eq(cases.participantId, participantId));

beforeEach(async () => {
	world = await makeWorld();
});

describe('work queue', () => {
	it('puts each case in its groups, counts them, links each item to where it is done, and agrees with the caseload', async () => {
		const referred = await person('referred');
		const quiet = await person();
		await setCase(quiet.id, { periodStartsOn: daysAgo(100) });
		await db.update(organisations).set({ contactGapWeeks: 6 }).where(eq(organisations.id, world.county.id));
		const recent = await person();
		await setCase(recent.id, { periodStartsOn: daysAgo(100) });
		const [recentCase] = await db.select().from(cases).where(eq(cases.participantId, recent.id));
		await db.insert(contacts).values({
			id: crypto.randomUUID(),
			participantId: recent.id,
			caseId: recentCase.id,
			caseworkerId: world.caseworker.id,
			occurredAt: new Date(Date.now() - 3 * DAY),
			durationMinutes: 30,
			form: 'phone',
			kind: 'follow_up',
			createdBy: world.caseworker.id
		});
		const ending = await person();
		await setCase(ending.id, { periodStartsOn: daysAgo(31 * 31) });
		const extended = await person();
		await setCase(extended.id, { periodStartsOn: daysAgo(31 * 31), periodMonths: 48 });
		const reviewed = await person();
		await db.insert(plans).values({ participantId: reviewed.id, nextReviewDate: daysAgo(2) });
		const visited = await person();
		const appointmentId = crypto.randomUUID();
		await db.insert(appointments).values({
			id: appointmentId,
			participantId: visited.id,
			kind: 'home_visit',
			startsAt: new Date(Date.now() - DAY),
			endsAt: new Date(Date.now() - DAY + 3_600_000),
			status: 'done',
			staffId: world.caseworker.id,
			createdBy: world.caseworker.id
		});
		const refused = await person();
		const [refusedCase] = await db.select().from(cases).where(eq(cases.participantId, refused.id));
		await db.insert(caseRequests).values({
			id: crypto.randomUUID(),
			caseId: refusedCase.id,
			kind: 'extension',
			reason: 'Ausbildung läuft',
			months: 48,
			requestedBy: world.caseworker.id,
			outcome: 'refused',
			decidedBy: world.lead.id,
			decidedAt: new Date()
		});

		const groups = await workQueue(actorOf(world.caseworker));
		const ids = (group: string) => groups.find((g) => g.group === group)!.items.map((i) => i.participantId);
		expect(ids('referred')).toEqual([referred.id]);
		// Old periods without any contact are quiet too; a call three days ago is not.
		expect(ids('no_contact')).toEqual(expect.arrayContaining([quiet.id, ending.id]));
		expect(ids('no_contact')).not.toContain(recent.id);
		expect(ids('no_contact')).not.toContain(referred.id);
		expect(ids('period_ending')).toEqual([ending.id]);
		expect(ids('review_due')).toEqual([reviewed.id]);
		expect(ids('contact_missing')).toEqual([visited.id]);
		expect(ids('requests_refused')).toEqual([refused.id]);
		const missing = groups.find((g) => g.group === 'contact_missing')!;
		expect(workQueueHref('contact_missing', missing.items[0])).toBe(
			`/participants/${visited.id}/contacts/new?appointment=${appointmentId}`
		);
		const period = groups.find((g) => g.group === 'period_ending')!.items[0];
		expect(period.day).toBe(periodEndsOn(daysAgo(31 * 31), 36));

		// "Show all" is the caseload with the same filter: the same people.
		for (const group of groups) {
			const filtered = await searchCaseload(
				actorOf(world.caseworker),
				parseCaseloadFilters(new URLSearchParams({ attention: group.group }))
			);
			expect(filtered.total, group.group).toBe(group.total);
		}
		const flagged = await searchCaseload(actorOf(world.caseworker), parseCaseloadFilters(new URLSearchParams()));
		const row = (id: string) => flagged.rows.find((r) => r.id === id)!;
		expect(row(referred.id).referred).toBe(true);
		expect(row(ending.id).periodEndsOn).toBe(periodEndsOn(daysAgo(31 * 31), 36));
		expect(row(extended.id).periodEndsOn).toBeNull();

		// Nothing of this caseworker's shows to a colleague or another organisation.
		for (const other of [world.otherCaseworker, world.welfareCaseworker]) {
			const theirs = await workQueue(actorOf(other));
			const shown = theirs.flatMap((g) => g.items.map((i) => i.participantId));
			expect(shown).not.toContain(referred.id);
			expect(shown).not.toContain(visited.id);
		}
		expect(await workQueue(actorOf(world.admin))).toEqual([]);
	});

	it('counts at scale but shows only the first few of a group', async () => {
		for (let i = 0; i < 7; i++) await person('referred');
		const referred = (await workQueue(actorOf(world.caseworker))).find((g) => g.group === 'referred')!;
		expect(referred.total).toBe(7);
		expect(referred.items).toHaveLength(5);
	});
});
