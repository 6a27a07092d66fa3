import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireActor } from '$lib/server/auth/guard';
import { readFormData } from '$lib/server/form-action';
import { formFailure, optionalText, parseForm } from '$lib/server/forms';
import { participantSummary } from '$lib/server/participants';
import { readPlan } from '$lib/server/plans/read';
import { recordReview, reviewOutcomesFrom } from '$lib/server/plans/reviews';
import { reviewDateSchema } from '$lib/server/plans/schema';
import { goalView } from '$lib/server/plans/view';
import type { Actions, PageServerLoad } from './$types';

/** Three months ahead: the usual rhythm of plan reviews. */
function suggestedReviewDate(): string {
	const date = new Date();
	date.setMonth(date.getMonth() + 3);
	return date.toISOString().slice(0, 10);
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const plan = await readPlan(requireActor(), params.id);
	if (!plan.access.editPlan) error(404, 'error.not_found');
	const participant = await participantSummary(plan.access);
	return {
		participant: { id: participant.id, name: `${participant.givenName} ${participant.familyName}` },
		goals: plan.goals.filter((g) => g.proposal === 'none').map((g) => goalView(g, locals.locale)),
		suggestedDate: suggestedReviewDate()
	};
};

const reviewSchema = v.object({ ...reviewDateSchema.entries, note: optionalText(2000) });

export const actions: Actions = {
	default: async ({ request, params }) => {
		const actor = requireActor();
		const plan = await readPlan(actor, params.id);
		if (!plan.access.editPlan) error(404, 'error.not_found');
		const formData = await readFormData(request);
		const parsed = parseForm(reviewSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const goalIds = plan.goals.filter((g) => g.proposal === 'none').map((g) => g.id);
		const outcomes = reviewOutcomesFrom(formData, goalIds);
		// A goal added or removed since the form was opened: ask to look again rather than guess.
		if (outcomes === null || [...formData.keys()].filter((k) => k.startsWith('status.')).length !== goalIds.length) {
			return formFailure(409, 'form.changed_meanwhile', formData);
		}
		await recordReview(actor, params.id, {
			nextReviewDate: parsed.output.nextReviewDate,
			note: parsed.output.note,
			outcomes
		});
		redirect(303, `/participants/${params.id}/plan?done=reviewed`);
	}
};
