import { sql } from 'drizzle-orm';
import type { KeyFigures } from '$lib/figures';
import { dayInGermany } from '$lib/i18n/format';
import { COUNSELLING, daysBetween, median, one, rows, statusAtEnd, type FigureContext } from './scope';

/** The scope's participants (`p`) with their case (`k`). */
function personsWithCase(context: FigureContext) {
	return sql`participants p join cases k on k.participant_id = p.id where ${context.persons}`;
}

/**
 * K4. newlyAgreed: persons whose first agreed plan version was agreed in the period. updated: later versions
 * agreed in the period plus reviews held in it. activeAtEnd: persons in counselling at period end with a plan
 * agreed before it; agreedShare: of all in counselling at period end. Days to first plan: from the first
 * contact (period start) to the agreement, for the plans newly agreed. A review is on time when held on or
 * before the date the review before it set (a first review has no earlier date and is on time).
 */
export function k4(context: FigureContext): KeyFigures['k4'] {
	const { start, end } = context;
	const firstAgreed = sql`(select min(v.agreed_at) from plan_versions v where v.participant_id = p.id and v.agreed_at is not null)`;
	const newly = rows<{ agreedAt: number; startsOn: string | null }>(sql`select ${firstAgreed} as agreedAt,
		k.period_starts_on as startsOn from ${personsWithCase(context)}
		and ${firstAgreed} >= ${start} and ${firstAgreed} < ${end}`);
	const laterVersions = one<{ n: number }>(sql`select count(*) as n from plan_versions v join participants p
		on p.id = v.participant_id where ${context.persons} and v.agreed_at >= ${start} and v.agreed_at < ${end}
		and v.agreed_at > ${firstAgreed}`);
	const reviews = rows<{ heldAt: number; due: string | null }>(sql`select r.created_at as heldAt,
		(select r2.next_review_date from plan_reviews r2 where r2.participant_id = r.participant_id
			and r2.created_at < r.created_at order by r2.created_at desc limit 1) as due
		from plan_reviews r join participants p on p.id = r.participant_id
		where ${context.persons} and r.created_at >= ${start} and r.created_at < ${end}`);
	const active = one<{ inCounselling: number; withPlan: number }>(sql`select count(*) as inCounselling,
		coalesce(sum(${firstAgreed} < ${end}), 0) as withPlan from ${personsWithCase(context)}
		and ${statusAtEnd(context)} in ${COUNSELLING}`);
	const days = newly
		.filter((n) => n.startsOn !== null)
		.map((n) => Math.max(0, daysBetween(n.startsOn as string, dayInGermany(new Date(n.agreedAt)))));
	return {
		newlyAgreed: newly.length,
		updated: laterVersions.n + reviews.length,
		activeAtEnd: active.withPlan,
		agreedShare: active.inCounselling === 0 ? null : active.withPlan / active.inCounselling,
		medianDaysToFirstPlan: median(days),
		reviewsHeld: reviews.length,
		reviewsOnTime: reviews.filter((r) => r.due === null || dayInGermany(new Date(r.heldAt)) <= r.due).length
	};
}
