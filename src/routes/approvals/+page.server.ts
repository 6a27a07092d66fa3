import { error, redirect } from '@sveltejs/kit';
import { dayInGermany, formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { openRequestsPage } from '$lib/server/cases/approvals';
import { periodOf } from '$lib/server/cases/period';
import { decideRequest } from '$lib/server/cases/requests';
import { decisionSchema } from '$lib/server/cases/schema';
import { periodView } from '$lib/server/cases/view';
import { formAction } from '$lib/server/form-action';
import { caseWorkAccess } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireRole('lead');
	const page = await openRequestsPage(actor, url.searchParams.get('cursor'));
	const today = dayInGermany();
	return {
		page: {
			...page,
			rows: page.rows.map((r) => ({
				id: r.id,
				kind: r.kind,
				reason: r.reason,
				closureReason: r.closureReason,
				months: r.months,
				requestedAt: formatDateTime(locals.locale, r.requestedAt),
				requestedBy: r.requestedBy,
				participantId: r.participantId,
				name: `${r.givenName} ${r.familyName}`,
				status: r.status,
				period: periodView(periodOf(r.periodStartsOn, r.periodMonths, today), locals.locale)
			}))
		}
	};
};

export const actions: Actions = {
	decide: formAction(
		decisionSchema,
		async ({ actor, input, refuse }) => {
			const access = await caseWorkAccess(actor, input.participantId);
			if (access === null || !access.approve) error(404, 'error.not_found');
			const outcome = await decideRequest(access, input);
			if (!outcome.ok) return refuse(outcome);
			redirect(303, `/approvals?done=${input.outcome}`);
		},
		{ roles: ['lead'] }
	)
};
