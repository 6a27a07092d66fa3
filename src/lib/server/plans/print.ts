import { formatDate } from '$lib/i18n/format';
import { directionOf, type Locale } from '$lib/i18n/locales';
import { FIELDS } from '$lib/plan';
import { translatorFor } from '../i18n';
import type { LiveGoal } from './read';
import { showText, type ShownText } from './snapshot';

export type PrintColumn = { locale: Locale; dir: 'ltr' | 'rtl' };

/**
 * The plan for paper: every text in the participant's language and in German, side by side. Labels are
 * translated here because the printed page mixes two languages whatever the reader's own is.
 */
export function printablePlan(goals: LiveGoal[], participantLocale: Locale, nextReviewDate: string | null) {
	const locales: Locale[] = participantLocale === 'de' ? ['de'] : [participantLocale, 'de'];
	const t = Object.fromEntries(locales.map((l) => [l, translatorFor(l)]));
	const both = (make: (locale: Locale) => string) => locales.map((l) => ({ locale: l, text: make(l) }));
	const bothText = (make: (locale: Locale) => ShownText) => locales.map((l) => ({ locale: l, ...make(l) }));
	const agreed = goals.filter((g) => g.proposal === 'none');
	return {
		columns: locales.map((l) => ({ locale: l, dir: directionOf(l) })),
		heading: both((l) => t[l]('plan.print_title')),
		labels: {
			nextReview: both((l) => t[l]('plan.next_review')),
			nextReviewDate: both((l) => (nextReviewDate === null ? '—' : formatDate(l, nextReviewDate))),
			signatureParticipant: both((l) => t[l]('plan.signature_participant')),
			signatureCaseworker: both((l) => t[l]('plan.signature_caseworker'))
		},
		fields: FIELDS.filter((f) => agreed.some((g) => g.field === f)).map((field) => ({
			field,
			name: both((l) => t[l](`field.${field}`)),
			goals: agreed
				.filter((g) => g.field === field)
				.map((g) => ({
					id: g.id,
					title: bothText((l) => showText(g.title, l)),
					status: both((l) => t[l](`goal_status.${g.status}`)),
					target:
						g.targetDate === null
							? null
							: both((l) => t[l]('plan.target_date', { date: formatDate(l, g.targetDate!) })),
					why: g.why === '' ? null : { text: g.why, lang: g.whyLocale },
					steps: g.steps.map((s) => ({
						id: s.id,
						done: s.done,
						text: bothText((l) => showText(s.text, l)),
						who: both((l) =>
							s.assignee === 'service' && s.serviceName !== '' ? s.serviceName : t[l](`plan.assignee_${s.assignee}`)
						),
						due: s.dueDate === null ? null : both((l) => formatDate(l, s.dueDate!))
					}))
				}))
		}))
	};
}
