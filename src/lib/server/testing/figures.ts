// A hand-built KeyFigures for the chart and export tests: every number is typed here, none computed.
import type { KeyFigures } from '$lib/figures';

const zeroMonths = (months: string[]) =>
	months.flatMap((month) =>
		['home_visit', 'office', 'accompanying', 'phone', 'digital'].map((form) => ({ month, form, count: 0 }))
	);

export function figuresFixture(): KeyFigures {
	const perMonth = zeroMonths(['2026-01', '2026-02', '2026-03']);
	const set = (month: string, form: string, count: number | 'lt5') => {
		const cell = perMonth.find((c) => c.month === month && c.form === form);
		if (cell !== undefined) (cell as { count: number | 'lt5' }).count = count;
	};
	set('2026-01', 'office', 37);
	set('2026-01', 'phone', 12);
	set('2026-02', 'home_visit', 23);
	set('2026-03', 'digital', 'lt5');
	return {
		period: { from: '2026-01-01', to: '2026-03-31' },
		k1: {
			atEnd: 131,
			counselled: 140,
			new: 17,
			closed: 9,
			byResidenceStatus: [{ key: 'recognised_refugee', count: 88 }],
			byAgeBand: [
				{ key: 'under_18', count: 'lt5' },
				{ key: '18_26', count: 29 },
				{ key: '27_plus', count: 98 },
				{ key: 'unknown', count: 0 }
			],
			byGender: [{ key: 'female', count: 64 }],
			byNationality: [{ key: 'SY', count: 51 }],
			byHousehold: [
				{ key: 'single', count: 44 },
				{ key: 'household', count: 87 }
			],
			byHousing: [{ key: 'own_flat', count: 33 }],
			byTown: [{ key: 'town-1', label: 'Ravensburg', count: 71 }]
		},
		k2: {
			contacts: 76,
			byForm: [
				{ key: 'home_visit', count: 23 },
				{ key: 'office', count: 37 },
				{ key: 'accompanying', count: 0 },
				{ key: 'phone', count: 12 },
				{ key: 'digital', count: 'lt5' }
			],
			byKind: [{ key: 'follow_up', count: 61 }],
			personsReached: 58,
			minutes: 2730,
			meanMinutesByKind: [{ key: 'follow_up', minutes: 41 }],
			byFormPerMonth: perMonth
		},
		k3: {
			byTopic: [
				{ key: 'housing', count: 19 },
				{ key: 'benefits', count: 26 },
				{ key: 'return', count: 'lt5' },
				{ key: 'internet', count: 0 }
			],
			byTopicAndStatusGroup: [{ topic: 'housing', group: 'protected', count: 15 }]
		},
		k4: {
			newlyAgreed: 14,
			updated: 22,
			activeAtEnd: 97,
			agreedShare: 0.74,
			medianDaysToFirstPlan: 36,
			reviewsHeld: 31,
			reviewsOnTime: 27
		},
		k5: {
			byFieldAndStatus: [{ field: 'language', status: 'achieved', count: 11 }],
			reviewChanges: [{ from: 'in_progress', to: 'achieved', count: 8 }]
		},
		k6: { contacts: 42, byGroup: [{ key: 'jobcenter', count: 13 }], perCaseworkerPerWorkingDay: 0.35 },
		k7: {
			handovers: 18,
			referrals: [{ target: 'jobcenter', status: 'attended', count: 6 }],
			transfers: [{ key: 'mbe', count: 'lt5' }]
		},
		k8: {
			byReason: [
				{ key: 'goals_reached', count: 6 },
				{ key: 'moved_away', count: 'lt5' },
				{ key: 'deceased', count: 0 }
			],
			meanDurationDays: 512.5,
			medianDurationDays: 498,
			extendedBeyond36: 'lt5'
		},
		k9: {
			pairs: 7,
			germanLevel: {
				entry: [{ key: 'a1', count: 5 }],
				exit: [{ key: 'b1', count: 5 }],
				improved: 6
			},
			workOrTraining: { entry: 1, exit: 4 },
			ownFlat: { entry: 2, exit: 5 },
			noBenefits: { entry: 0, exit: 3 },
			goalAttainment: [
				{ field: 'language', achieved: 9, total: 14 },
				{ field: 'work', achieved: 'lt5', total: 8 },
				{ field: 'health', achieved: 0, total: 0 }
			]
		},
		k10: {
			cases: 131,
			posts: 1.5,
			casesPerPost: 87.33,
			target: 80,
			perCaseworker: [
				{ id: 'cw-1', name: 'Sabine Keller', cases: 90, posts: 1 },
				{ id: 'cw-2', name: 'Jonas Albrecht', cases: 41, posts: 0.5 }
			]
		}
	};
}
