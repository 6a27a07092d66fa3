import { SUPPRESS_BELOW } from '$lib/casework';
import type { Breakdown, Count, KeyFigures, QaFinding } from '$lib/figures';

/** 1 to SUPPRESS_BELOW − 1 becomes 'lt5': no small group can be singled out. Zero stays zero (nobody to find). */
export function suppressCount(count: Count): Count {
	return typeof count === 'number' && count > 0 && count < SUPPRESS_BELOW ? 'lt5' : count;
}

const parts = (list: Breakdown): Breakdown => list.map((p) => ({ ...p, count: suppressCount(p.count) }));

/**
 * The coordinator's figures: every count suppressed, and what could be worked back to few persons dropped —
 * means and medians over fewer than SUPPRESS_BELOW persons, the per-caseworker rows.
 */
export function suppressFigures(f: KeyFigures): KeyFigures {
	const s = suppressCount;
	const few = (n: Count) => typeof n === 'number' && n < SUPPRESS_BELOW;
	return {
		period: f.period,
		k1: {
			atEnd: s(f.k1.atEnd),
			new: s(f.k1.new),
			closed: s(f.k1.closed),
			counselled: s(f.k1.counselled),
			byResidenceStatus: parts(f.k1.byResidenceStatus),
			byAgeBand: parts(f.k1.byAgeBand),
			byGender: parts(f.k1.byGender),
			byNationality: parts(f.k1.byNationality),
			byHousehold: parts(f.k1.byHousehold),
			byHousing: parts(f.k1.byHousing),
			byTown: parts(f.k1.byTown)
		},
		k2: {
			...f.k2,
			contacts: s(f.k2.contacts),
			byForm: parts(f.k2.byForm),
			byKind: parts(f.k2.byKind),
			personsReached: s(f.k2.personsReached),
			byFormPerMonth: f.k2.byFormPerMonth.map((m) => ({ ...m, count: s(m.count) }))
		},
		k3: {
			byTopic: parts(f.k3.byTopic),
			byTopicAndStatusGroup: f.k3.byTopicAndStatusGroup.map((t) => ({ ...t, count: s(t.count) }))
		},
		k4: {
			...f.k4,
			newlyAgreed: s(f.k4.newlyAgreed),
			updated: s(f.k4.updated),
			activeAtEnd: s(f.k4.activeAtEnd),
			medianDaysToFirstPlan: few(f.k4.newlyAgreed) ? null : f.k4.medianDaysToFirstPlan,
			reviewsHeld: s(f.k4.reviewsHeld),
			reviewsOnTime: s(f.k4.reviewsOnTime)
		},
		k5: {
			byFieldAndStatus: f.k5.byFieldAndStatus.map((g) => ({ ...g, count: s(g.count) })),
			reviewChanges: f.k5.reviewChanges.map((c) => ({ ...c, count: s(c.count) }))
		},
		k6: { ...f.k6, contacts: s(f.k6.contacts), byGroup: parts(f.k6.byGroup) },
		k7: {
			handovers: s(f.k7.handovers),
			referrals: f.k7.referrals.map((r) => ({ ...r, count: s(r.count) })),
			transfers: parts(f.k7.transfers)
		},
		k8: {
			byReason: parts(f.k8.byReason),
			meanDurationDays: few(sumOf(f.k8.byReason)) ? null : f.k8.meanDurationDays,
			medianDurationDays: few(sumOf(f.k8.byReason)) ? null : f.k8.medianDurationDays,
			extendedBeyond36: s(f.k8.extendedBeyond36)
		},
		k9: {
			pairs: s(f.k9.pairs),
			germanLevel: {
				entry: parts(f.k9.germanLevel.entry),
				exit: parts(f.k9.germanLevel.exit),
				improved: s(f.k9.germanLevel.improved)
			},
			workOrTraining: { entry: s(f.k9.workOrTraining.entry), exit: s(f.k9.workOrTraining.exit) },
			ownFlat: { entry: s(f.k9.ownFlat.entry), exit: s(f.k9.ownFlat.exit) },
			noBenefits: { entry: s(f.k9.noBenefits.entry), exit: s(f.k9.noBenefits.exit) },
			goalAttainment: f.k9.goalAttainment.map((g) => ({ ...g, achieved: s(g.achieved), total: s(g.total) }))
		},
		k10: { ...f.k10, cases: s(f.k10.cases), perCaseworker: [] }
	};
}

function sumOf(list: Breakdown): number {
	return list.reduce((sum, p) => sum + (typeof p.count === 'number' ? p.count : 0), 0);
}

export function suppressQa(findings: QaFinding[]): QaFinding[] {
	return findings.map((f) => ({ ...f, count: suppressCount(f.count) }));
}
