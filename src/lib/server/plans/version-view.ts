import { formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { PlanVersion } from '../db/schema';
import { showText } from './snapshot';
import { byField, dateView, stepViews } from './view';

export function versionSummary(v: PlanVersion, locale: Locale) {
	const at = (d: Date | null) => (d === null ? null : formatDateTime(locale, d));
	return {
		id: v.id,
		number: v.number,
		createdAt: at(v.createdAt)!,
		participantConfirmedAt: at(v.participantConfirmedAt),
		participantConfirmedVia: v.participantConfirmedVia,
		paperNote: v.paperNote,
		caseworkerConfirmedAt: at(v.caseworkerConfirmedAt),
		agreedAt: at(v.agreedAt)
	};
}

/** An agreed (or pending) version, read-only, in the reader's language. */
export function versionContent(v: PlanVersion, locale: Locale) {
	const goals = v.snapshot.goals.map((g) => ({
		id: g.id,
		field: g.field,
		title: showText(g.title, locale),
		why: g.why,
		whyLang: g.whyLocale,
		status: g.status,
		target: dateView(g.targetDate, locale),
		steps: stepViews(g.steps, locale)
	}));
	return { groups: byField(goals), nextReview: dateView(v.snapshot.nextReviewDate, locale) };
}
