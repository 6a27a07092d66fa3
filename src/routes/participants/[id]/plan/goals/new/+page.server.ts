import { error, redirect } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { formFailure } from '$lib/server/forms';
import { participantSummary } from '$lib/server/participants';
import { listCatalogue } from '$lib/server/plans/catalogue';
import { createGoal, proposeGoal } from '$lib/server/plans/goals';
import { openPlan } from '$lib/server/plans/read';
import { newGoalSchema } from '$lib/server/plans/schema';
import { showText } from '$lib/server/plans/snapshot';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const access = await openPlan(requireActor(), params.id);
	if (!access.editPlan && !access.proposeGoals) error(404, 'error.not_found');
	const participant = await participantSummary(access);
	const catalogue = await listCatalogue();
	return {
		participantId: participant.id,
		name: `${participant.givenName} ${participant.familyName}`,
		proposing: !access.editPlan,
		catalogue: catalogue.map((c) => ({
			id: c.id,
			field: c.field,
			title: showText({ kind: 'catalogue', texts: c.texts }, locals.locale).text
		}))
	};
};

export const actions: Actions = {
	default: formAction(newGoalSchema, async ({ actor, input, formData, event: { params, locals } }) => {
		const access = await openPlan(actor, params.id);
		const result = access.editPlan
			? await createGoal(actor, params.id, input, locals.locale)
			: await proposeGoal(actor, params.id, input, locals.locale);
		if (!result.ok) {
			return formFailure(400, 'plan.catalogue_unknown', formData, { catalogueId: 'plan.catalogue_unknown' });
		}
		redirect(
			303,
			`/participants/${params.id}/plan?done=${access.editPlan ? 'goal_added' : 'proposed'}#goal-${result.id}`
		);
	})
};
