import { formatDate, formatDateTime, formatTimeRange } from '$lib/i18n/format';
import { requireOwnData } from '$lib/server/auth/guard';
import { consentView } from '$lib/server/consent/view';
import { showText } from '$lib/server/plans/snapshot';
import { exportFor } from '$lib/server/rights/export';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { access } = await requireOwnData();
	const data = await exportFor(access);
	const locale = locals.locale;
	return {
		person: {
			...data.person,
			birthDate: data.person.birthDate === null ? null : formatDate(locale, data.person.birthDate),
			createdAt: formatDate(locale, data.person.createdAt)
		},
		account:
			data.account === null
				? null
				: { username: data.account.username, createdAt: formatDate(locale, data.account.createdAt) },
		household: data.household,
		caseworker: data.caseworker,
		goals: data.plan.goals.map((g) => ({
			id: g.id,
			title: showText(g.title, locale),
			status: g.status,
			steps: g.steps.map((s) => ({ id: s.id, text: showText(s.text, locale), done: s.done }))
		})),
		comments: data.plan.comments.map((c) => ({ ...c, at: formatDateTime(locale, c.at) })),
		versions: data.plan.versions.map((v) => ({
			number: v.number,
			agreedAt: v.agreedAt === null ? null : formatDate(locale, v.agreedAt)
		})),
		appointments: data.appointments.map((a) => ({
			id: a.id,
			kind: a.kind,
			title: a.title,
			status: a.status,
			when: formatTimeRange(locale, a.startsAt, a.endsAt),
			place: [a.place, a.address].filter((s) => s !== '').join(', ')
		})),
		participantId: access.participantId,
		documents: data.documents.map((d) => ({
			id: d.id,
			title: d.title,
			category: d.category,
			pages: d.pages.length,
			expiresOn: d.expiresOn === null ? null : formatDate(locale, d.expiresOn)
		})),
		consents: data.consents.map((c) => consentView(c, locale)),
		corrections: data.correctionRequests.map((c) => ({
			id: c.id,
			request: c.request,
			outcome: c.outcome,
			outcomeNote: c.outcomeNote,
			createdAt: formatDate(locale, c.createdAt)
		})),
		caseWork:
			data.caseWork === null
				? null
				: {
						status: data.caseWork.status,
						since: data.caseWork.periodStartsOn === null ? null : formatDate(locale, data.caseWork.periodStartsOn),
						meetings: data.caseWork.contacts.length,
						referrals: data.caseWork.referrals.map((r) => ({
							target: r.target,
							service: r.service,
							status: r.status,
							madeAt: formatDate(locale, r.madeAt)
						}))
					},
		accessCount: data.accessLog.length
	};
};
