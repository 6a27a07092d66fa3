import { and, asc, eq, inArray, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { ClosureReason } from '$lib/casework';
import { dayInGermany } from '$lib/i18n/format';
import { defaultReportYear } from '$lib/report-period';
import { db } from '../db';
import { assessments, assignments, caseEvents, cases, goals, planVersions } from '../db/schema';
import { recordReview } from '../plans/reviews';
import { confirmAsCaseworker, proposeVersion, recordPaperConfirmation } from '../plans/versions';
import type { Actor } from '../policy';

const DAY = 86_400_000;

/** Closures of the report year, each with what changed between entry and exit (K8, K9 show something real). */
const CLOSURES: {
	reason: ClosureReason;
	entry: {
		germanLevel: 'none' | 'a1' | 'a2';
		work: 'none' | 'job_search';
		housing: 'shared_housing' | 'follow_up_housing';
		benefits: 'sgb2' | 'asylblg';
	};
	exit: {
		germanLevel: 'a2' | 'b1' | 'b2';
		work: 'employed' | 'training' | 'job_search' | 'mini_job';
		housing: 'follow_up_housing' | 'own_flat';
		benefits: 'sgb2' | 'none';
	};
}[] = [
	{
		reason: 'goals_reached',
		entry: { germanLevel: 'a1', work: 'none', housing: 'shared_housing', benefits: 'sgb2' },
		exit: { germanLevel: 'b1', work: 'employed', housing: 'own_flat', benefits: 'none' }
	},
	{
		reason: 'goals_reached',
		entry: { germanLevel: 'a2', work: 'job_search', housing: 'follow_up_housing', benefits: 'sgb2' },
		exit: { germanLevel: 'b2', work: 'employed', housing: 'own_flat', benefits: 'none' }
	},
	{
		reason: 'goals_reached',
		entry: { germanLevel: 'none', work: 'none', housing: 'shared_housing', benefits: 'asylblg' },
		exit: { germanLevel: 'a2', work: 'training', housing: 'follow_up_housing', benefits: 'sgb2' }
	},
	{
		reason: 'transferred_jmd',
		entry: { germanLevel: 'a1', work: 'none', housing: 'follow_up_housing', benefits: 'sgb2' },
		exit: { germanLevel: 'b1', work: 'training', housing: 'follow_up_housing', benefits: 'sgb2' }
	},
	{
		reason: 'regular_service',
		entry: { germanLevel: 'a2', work: 'job_search', housing: 'follow_up_housing', benefits: 'sgb2' },
		exit: { germanLevel: 'b1', work: 'mini_job', housing: 'own_flat', benefits: 'sgb2' }
	},
	{
		reason: 'moved_away',
		entry: { germanLevel: 'a1', work: 'none', housing: 'shared_housing', benefits: 'sgb2' },
		exit: { germanLevel: 'a2', work: 'job_search', housing: 'follow_up_housing', benefits: 'sgb2' }
	},
	{
		reason: 'naturalised',
		entry: { germanLevel: 'a2', work: 'job_search', housing: 'follow_up_housing', benefits: 'sgb2' },
		exit: { germanLevel: 'b2', work: 'employed', housing: 'own_flat', benefits: 'none' }
	}
];
export const DEMO_CLOSURES = CLOSURES.length;

/**
 * Sabine Keller's year in figures: seven cases closed in the report year with entry and exit snapshots (and
 * some goals reached), plans agreed this year on paper and a review that moved goals on. Picks people of her
 * caseload outside the showcase households whose counselling started before the report year.
 */
export async function seedDemoOutcomes(caseworker: Actor, exclude: string[]): Promise<void> {
	const today = dayInGermany();
	const year = defaultReportYear(today);
	const lastDay = Math.min(Date.parse(`${today}T10:00:00Z`) - DAY, Date.parse(`${year}-12-31T10:00:00Z`));
	const mine = await db
		.select({
			participantId: cases.participantId,
			caseId: cases.id,
			startsOn: cases.periodStartsOn,
			version: cases.version
		})
		.from(cases)
		.innerJoin(assignments, and(eq(assignments.participantId, cases.participantId), isNull(assignments.endedAt)))
		.where(
			and(
				eq(assignments.caseworkerId, caseworker.id),
				eq(cases.status, 'active'),
				lt(cases.periodStartsOn, `${year}-01-01`),
				notInArray(cases.participantId, exclude)
			)
		)
		.orderBy(asc(cases.periodStartsOn));
	const closing = mine.slice(0, CLOSURES.length);
	db.transaction((tx) => {
		for (const [i, c] of closing.entries()) {
			const { reason, entry, exit } = CLOSURES[i];
			// Spread over the year, newest first, never before 1 January of the report year.
			const closedAt = new Date(Math.max(lastDay - i * 37 * DAY, Date.parse(`${year}-01-05T10:00:00Z`)));
			tx.update(cases)
				.set({ status: 'closed', closedAt, closureReason: reason, version: c.version + 1 })
				.where(eq(cases.id, c.caseId))
				.run();
			// The event is dated when it is written (now), as every seeded event: the case's course is read
			// from its events in order, and the "opened" event of the seed is dated now as well.
			tx.insert(caseEvents)
				.values({ caseId: c.caseId, kind: 'closed', fromStatus: 'active', toStatus: 'closed', detail: { reason } })
				.run();
			tx.insert(assessments)
				.values([
					{
						id: crypto.randomUUID(),
						caseId: c.caseId,
						kind: 'entry',
						...entry,
						recordedBy: caseworker.id,
						createdAt: new Date(Date.parse(`${c.startsOn}T10:00:00Z`) + 14 * DAY)
					},
					{
						id: crypto.randomUUID(),
						caseId: c.caseId,
						kind: 'exit',
						...exit,
						recordedBy: caseworker.id,
						createdAt: closedAt
					}
				])
				.run();
		}
		// Reached goals of the closed cases: two of every three persons reached their first goal.
		const closedIds = closing.map((c) => c.participantId);
		if (closedIds.length > 0) {
			tx.update(goals)
				.set({ status: 'achieved' })
				.where(
					and(
						inArray(
							goals.participantId,
							closedIds.filter((_, i) => i % 3 !== 2)
						),
						eq(
							goals.position,
							sql`(select min(g2.position) from goals g2 where g2.participant_id = ${goals.participantId})`
						)
					)
				)
				.run();
		}
	});
	// Plans agreed this year: the next people of her caseload with goals and no agreed plan yet, on paper.
	const withGoals = await db
		.selectDistinct({ participantId: goals.participantId })
		.from(goals)
		.innerJoin(assignments, and(eq(assignments.participantId, goals.participantId), isNull(assignments.endedAt)))
		.where(
			and(
				eq(assignments.caseworkerId, caseworker.id),
				isNull(goals.deletedAt),
				notInArray(goals.participantId, [...exclude, ...closing.map((c) => c.participantId)])
			)
		)
		.orderBy(asc(goals.participantId));
	const agreed = new Set(
		(
			await db
				.select({ id: planVersions.participantId })
				.from(planVersions)
				.where(sql`${planVersions.agreedAt} is not null`)
		).map((v) => v.id)
	);
	for (const { participantId } of withGoals.filter((g) => !agreed.has(g.participantId)).slice(0, 5)) {
		const version = await proposeVersion(caseworker, participantId);
		if (!version.ok) continue;
		await recordPaperConfirmation(caseworker, participantId, version.id, 'Im Büro unterschrieben');
		await confirmAsCaseworker(caseworker, participantId, version.id);
		const current = await db
			.select({ id: goals.id, status: goals.status })
			.from(goals)
			.where(and(eq(goals.participantId, participantId), isNull(goals.deletedAt), eq(goals.proposal, 'none')));
		await recordReview(caseworker, participantId, {
			nextReviewDate: dayInGermany(new Date(Date.now() + 90 * DAY)),
			note: '',
			outcomes: current.map((g, i) => ({
				goalId: g.id,
				status: i === 0 && g.status === 'planned' ? 'in_progress' : g.status,
				note: ''
			}))
		});
	}
}
