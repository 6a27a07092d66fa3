import { error } from '@sveltejs/kit';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { goalComments, goals, planVersions, plans, steps, type Goal, type Step } from '../db/schema';
import { byOther, planAccess, type AccessTo, type Actor, type PlanAccess } from '../policy';
import { catalogueTextsOf } from './catalogue';
import { diffPlans, type PlanGoal, type PlanSnapshot, type PlanStep, type PlanText } from './snapshot';

export type LiveStep = PlanStep & { version: number; position: number };
export type LiveGoal = Omit<PlanGoal, 'steps'> & {
	version: number;
	position: number;
	proposal: Goal['proposal'];
	declineReason: string;
	nextReviewDate: string | null;
	commentCount: number;
	steps: LiveStep[];
};

/** Opens a plan for an actor or answers 404; a look by anyone but the participant is audited. */
export async function openPlan(actor: Actor, participantId: string): Promise<PlanAccess> {
	const access = await planAccess(actor, participantId);
	if (access === null) error(404, 'error.not_found');
	return access;
}

function textOf(
	row: { catalogueId: string | null },
	free: string,
	locale: Goal['titleLocale'],
	catalogue: Map<string, PlanText & { kind: 'catalogue' }>
): PlanText {
	if (row.catalogueId !== null) return catalogue.get(row.catalogueId) ?? { kind: 'catalogue', texts: {} };
	return { kind: 'free', text: free, locale };
}

/** The living plan: goals in their order, each with its steps; deleted ones left out. */
export async function liveGoals(access: AccessTo<'plan'>): Promise<LiveGoal[]> {
	const goalRows = await db
		.select()
		.from(goals)
		.where(and(eq(goals.participantId, access.participantId), isNull(goals.deletedAt)))
		.orderBy(asc(goals.position), asc(goals.createdAt));
	const goalIds = goalRows.map((g) => g.id);
	const [stepRows, commentCounts] =
		goalIds.length === 0
			? [[] as Step[], [] as { goalId: string; n: number }[]]
			: await Promise.all([
					db
						.select()
						.from(steps)
						.where(and(inArray(steps.goalId, goalIds), isNull(steps.deletedAt)))
						.orderBy(asc(steps.position), asc(steps.createdAt)),
					db
						.select({ goalId: goalComments.goalId, n: count() })
						.from(goalComments)
						.where(inArray(goalComments.goalId, goalIds))
						.groupBy(goalComments.goalId)
				]);
	const catalogueIds = [...goalRows, ...stepRows].map((r) => r.catalogueId).filter((id): id is string => id !== null);
	const texts = await catalogueTextsOf(catalogueIds);
	const catalogue = new Map([...texts].map(([id, t]) => [id, { kind: 'catalogue' as const, texts: t }]));
	const comments = new Map(commentCounts.map((c) => [c.goalId, c.n]));
	return goalRows.map((g) => ({
		id: g.id,
		field: g.field,
		title: textOf(g, g.title, g.titleLocale, catalogue),
		why: g.why,
		whyLocale: g.whyLocale,
		status: g.status,
		targetDate: g.targetDate,
		nextReviewDate: g.nextReviewDate,
		version: g.version,
		position: g.position,
		proposal: g.proposal,
		declineReason: g.declineReason,
		commentCount: comments.get(g.id) ?? 0,
		steps: stepRows
			.filter((s) => s.goalId === g.id)
			.map((s) => ({
				id: s.id,
				text: textOf(s, s.text, s.textLocale, catalogue),
				assignee: s.assignee,
				serviceName: s.serviceName,
				dueDate: s.dueDate,
				done: s.done,
				version: s.version,
				position: s.position
			}))
	}));
}

export async function nextReviewDateOf(access: AccessTo<'plan'>): Promise<string | null> {
	const [plan] = await db
		.select({ nextReviewDate: plans.nextReviewDate })
		.from(plans)
		.where(eq(plans.participantId, access.participantId));
	return plan?.nextReviewDate ?? null;
}

/** The plan as it stands, in the shape an agreement stores: proposals and declined goals are not part of it. */
export function snapshotOf(live: LiveGoal[], nextReviewDate: string | null): PlanSnapshot {
	return {
		nextReviewDate,
		goals: live
			.filter((g) => g.proposal === 'none')
			.map((g) => ({
				id: g.id,
				field: g.field,
				title: g.title,
				why: g.why,
				whyLocale: g.whyLocale,
				status: g.status,
				targetDate: g.targetDate,
				steps: g.steps.map((s) => ({
					id: s.id,
					text: s.text,
					assignee: s.assignee,
					serviceName: s.serviceName,
					dueDate: s.dueDate,
					done: s.done
				}))
			}))
	};
}

/** Everything a plan page shows, for an actor who may read it. */
export async function readPlan(actor: Actor, participantId: string) {
	const access = await openPlan(actor, participantId);
	const [live, nextReviewDate, lastAgreed, pending] = await Promise.all([
		liveGoals(access),
		nextReviewDateOf(access),
		newestVersion(access, 'agreed'),
		newestVersion(access, 'pending')
	]);
	if (byOther(access)) await recordAudit({ actor, action: 'plan.viewed', participantId });
	const current = snapshotOf(live, nextReviewDate);
	return {
		access,
		goals: live,
		nextReviewDate,
		lastAgreed:
			lastAgreed === null ? null : { id: lastAgreed.id, number: lastAgreed.number, agreedAt: lastAgreed.agreedAt! },
		pending,
		changesSinceAgreed: lastAgreed === null ? null : diffPlans(lastAgreed.snapshot, current)
	};
}

/** Every version put up for agreement that was not withdrawn, newest first. */
/** The newest agreed version, or the one waiting for agreement (proposing withdraws an older pending one). */
async function newestVersion(access: AccessTo<'plan'>, which: 'agreed' | 'pending') {
	const [version] = await db
		.select()
		.from(planVersions)
		.where(
			and(
				eq(planVersions.participantId, access.participantId),
				isNull(planVersions.cancelledAt),
				which === 'agreed' ? isNotNull(planVersions.agreedAt) : isNull(planVersions.agreedAt)
			)
		)
		.orderBy(desc(planVersions.number))
		.limit(1);
	return version ?? null;
}

/** The plan's history, newest version first, 50 at a time (a version number is unique per participant). */
export async function versionsOf(access: AccessTo<'plan'>, cursor: string | null = null) {
	const kept = and(eq(planVersions.participantId, access.participantId), isNull(planVersions.cancelledAt));
	return keysetPage({
		list: 'plan-versions',
		cursor,
		columns: [planVersions.number],
		descending: true,
		keyOf: (v: { number: number }) => [v.number],
		rows: (key, orderBy, limit) =>
			db
				.select()
				.from(planVersions)
				.where(and(kept, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(planVersions).where(kept))[0].n
	});
}
