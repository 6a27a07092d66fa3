/**
 * The shape of the key figures (CASEWORK.md "Key figures", K1–K10 and the QA warnings), shared by the server that
 * derives them, the report pages and charts that show them, and the exports that write them. Every list is keyed
 * by a vocabulary code (its label is `<list>.<code>` in the messages) or, for towns and caseworkers, by an id
 * with the proper name beside it.
 */

/** Inclusive German calendar days, "YYYY-MM-DD": a contact at 23:30 on 31 December in Berlin is in that year. */
export type ReportPeriod = { from: string; to: string };

/**
 * A count as the reader may see it. For the county coordinator a count from 1 to SUPPRESS_BELOW − 1 leaves the
 * server as 'lt5' (shown "< 5"), so no small group can be singled out, not even from the page's data.
 */
export type Count = number | 'lt5';

/** One bar or row: `key` is a vocabulary code, or an id with `label` holding the proper name (a town). */
export type Part = { key: string; label?: string; count: Count };
export type Breakdown = Part[];

/** Whose figures: one caseworker's, an organisation's, a town's (wherever its people are counselled), a county's. */
export type ReportScope =
	| { kind: 'caseworker'; caseworkerId: string }
	| { kind: 'organisation'; organisationId: string }
	| { kind: 'town'; townId: string }
	| { kind: 'county'; countyId: string };

export type KeyFigures = {
	period: ReportPeriod;
	/** K1 persons in counselling (cases active, paused or transferred at some time in the period). */
	k1: {
		atEnd: Count;
		new: Count;
		closed: Count;
		// Everyone counselled at some time in the period (in counselling at its end, or closed in it): the
		// persons the breakdowns below count.
		counselled: Count;
		byResidenceStatus: Breakdown;
		// 'under_18', '18_26', '27_plus', 'unknown' (age at period end)
		byAgeBand: Breakdown;
		// GENDERS and 'unknown'
		byGender: Breakdown;
		// The five most frequent nationalities (ISO code) and 'other', 'unknown'
		byNationality: Breakdown;
		// 'single', 'household'
		byHousehold: Breakdown;
		// HOUSING_SITUATIONS from the latest assessment, and 'unknown'
		byHousing: Breakdown;
		byTown: Breakdown;
	};
	/** K2 contacts in the period. */
	k2: {
		contacts: Count;
		byForm: Breakdown;
		byKind: Breakdown;
		personsReached: Count;
		minutes: number;
		meanMinutesByKind: { key: string; minutes: number | null }[];
		// Every month of the period, every form (zeros included), for the chart "contacts by form per month".
		byFormPerMonth: { month: string; form: string; count: Count }[];
	};
	/** K3 topics, multi-counted: a contact about housing and benefits counts for both. */
	k3: {
		byTopic: Breakdown;
		// Residence status groups: 'protected' (refugee, asylum, subsidiary, § 24), 'tolerated' (Gestattung,
		// Duldung), 'other'.
		byTopicAndStatusGroup: { topic: string; group: string; count: Count }[];
	};
	/** K4 integration plans. */
	k4: {
		newlyAgreed: Count;
		updated: Count;
		activeAtEnd: Count;
		// Share (0–1) of the cases active at period end that have an agreed plan; null without active cases.
		agreedShare: number | null;
		medianDaysToFirstPlan: number | null;
		reviewsHeld: Count;
		reviewsOnTime: Count;
	};
	/** K5 goals by field × status at period end, and the status changes decided at reviews in the period. */
	k5: {
		byFieldAndStatus: { field: string; status: string; count: Count }[];
		reviewChanges: { from: string; to: string; count: Count }[];
	};
	/** K6 networking. */
	k6: {
		contacts: Count;
		byGroup: Breakdown;
		perCaseworkerPerWorkingDay: number | null;
	};
	/** K7 handovers, referrals, transfers. */
	k7: {
		handovers: Count;
		referrals: { target: string; status: string; count: Count }[];
		// TRANSFER_TARGETS
		transfers: Breakdown;
	};
	/** K8 closures. */
	k8: {
		byReason: Breakdown;
		meanDurationDays: number | null;
		medianDurationDays: number | null;
		extendedBeyond36: Count;
	};
	/** K9 outcomes: the persons closed in the period with both an entry and an exit snapshot, entry against exit. */
	k9: {
		pairs: Count;
		germanLevel: { entry: Breakdown; exit: Breakdown; improved: Count };
		workOrTraining: { entry: Count; exit: Count };
		ownFlat: { entry: Count; exit: Count };
		noBenefits: { entry: Count; exit: Count };
		// Goals per field: reached (achieved) against all goals set in cases closed in the period.
		goalAttainment: { field: string; achieved: Count; total: Count }[];
	};
	/** K10 capacity at period end against 1:80 per full-time post. */
	k10: {
		cases: Count;
		// Full-time equivalents (1.0 = one post), summed over the scope's caseworkers.
		posts: number;
		casesPerPost: number | null;
		target: number;
		perCaseworker: { id: string; name: string; cases: number; posts: number }[];
	};
};

/** QA warnings shown before any export; each links to where it is fixed. */
export const QA_WARNINGS = [
	'done_appointment_without_contact',
	'no_contact_90_days',
	'review_overdue',
	'period_over_without_extension'
] as const;
export type QaWarning = (typeof QA_WARNINGS)[number];
export type QaFinding = { warning: QaWarning; count: Count };

/** A report: the scope's figures and, for a lead, every caseworker's beside them (one XLSX sheet each). */
export type Report = {
	scope: ReportScope;
	scopeName: string;
	figures: KeyFigures;
	byCaseworker: { id: string; name: string; figures: KeyFigures }[];
	qa: QaFinding[];
	// The coordinator's view: counts below SUPPRESS_BELOW are 'lt5' and nothing links to a person.
	aggregatesOnly: boolean;
};
