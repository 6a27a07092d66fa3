import { sql } from 'drizzle-orm';
import { REFERRAL_STATUSES, REFERRAL_TARGETS, TRANSFER_TARGETS } from '$lib/casework';
import type { KeyFigures } from '$lib/figures';
import { breakdown, one, rows, type FigureContext } from './scope';

/**
 * K7. Handovers received: allocated (German day) within the period. Referrals made in the period, by target
 * and today's status. Transfers: the "transferred" events of the period, by their target.
 */
export function k7(context: FigureContext): KeyFigures['k7'] {
	const { start, end, period } = context;
	const handovers = one<{ n: number }>(sql`select count(*) as n from handovers h join cases k on k.id = h.case_id
		join participants p on p.id = k.participant_id where ${context.persons}
		and h.allocated_on between ${period.from} and ${period.to}`);
	const referrals = rows<{ target: string; status: string; count: number }>(sql`select r.target as target,
		r.status as status, count(*) as count from referrals r join participants p on p.id = r.participant_id
		where ${context.persons} and r.created_at >= ${start} and r.created_at < ${end} group by 1, 2`);
	const transfers = rows<{ key: string; count: number }>(sql`select json_extract(e.detail, '$.target') as key,
		count(*) as count from case_events e join cases k on k.id = e.case_id join participants p on p.id = k.participant_id
		where ${context.persons} and e.kind = 'transferred' and e.created_at >= ${start} and e.created_at < ${end} group by 1`);
	return {
		handovers: handovers.n,
		referrals: REFERRAL_TARGETS.flatMap((target) =>
			REFERRAL_STATUSES.map((status) => ({
				target,
				status,
				count: referrals.find((r) => r.target === target && r.status === status)?.count ?? 0
			}))
		).filter((r) => r.count !== 0),
		transfers: breakdown(TRANSFER_TARGETS, transfers)
	};
}
