import { recordAudit } from '$lib/server/audit';
import { requireActor } from '$lib/server/auth/guard';
import { participantSummary } from '$lib/server/participants';
import { printablePlan } from '$lib/server/plans/print';
import { readPlan } from '$lib/server/plans/read';
import { formatDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = requireActor();
	const plan = await readPlan(actor, params.id);
	const participant = await participantSummary(plan.access);
	if (plan.access.relation !== 'self') await recordAudit({ actor, action: 'plan.printed', participantId: params.id });
	return {
		participant: { id: participant.id, name: `${participant.givenName} ${participant.familyName}` },
		printedOn: formatDate(locals.locale, new Date()),
		agreedVersion:
			plan.lastAgreed === null
				? null
				: { number: plan.lastAgreed.number, date: formatDate(locals.locale, plan.lastAgreed.agreedAt) },
		plan: printablePlan(plan.goals, participant.language, plan.nextReviewDate)
	};
};
