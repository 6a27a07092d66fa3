import { error } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/auth/guard';
import { participantSummary } from '$lib/server/participants';
import { outcomeOf, planActions } from '$lib/server/plans/actions';
import { commentsOf } from '$lib/server/plans/goals';
import { historyOf } from '$lib/server/plans/history';
import { readPlan } from '$lib/server/plans/read';
import { goalView } from '$lib/server/plans/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const plan = await readPlan(requireActor(), params.id);
	const live = plan.goals.find((g) => g.id === params.goalId);
	if (live === undefined) error(404, 'error.not_found');
	const [participant, comments, history] = await Promise.all([
		participantSummary(plan.access),
		commentsOf(plan.access, live.id),
		historyOf(plan.access, live.id)
	]);
	const locale = locals.locale;
	return {
		participant: { id: participant.id, name: `${participant.givenName} ${participant.familyName}` },
		self: plan.access.relation === 'self',
		editPlan: plan.access.editPlan,
		tickable: plan.access.tickable,
		canComment: plan.access.comment,
		actingFor:
			plan.access.relation === 'consented_volunteer' ? `${participant.givenName} ${participant.familyName}` : null,
		goal: goalView(live, locale),
		// Free texts, for the edit forms; catalogue texts are not edited in place.
		freeTitle: live.title.kind === 'free' ? live.title.text : '',
		freeSteps: Object.fromEntries(live.steps.map((s) => [s.id, s.text.kind === 'free' ? s.text.text : ''])),
		comments: comments.map((c) => ({ ...c, createdAt: formatDateTime(locale, c.createdAt) })),
		history: history.map((h) => ({
			id: h.id,
			change: h.change,
			actorName: h.actorName,
			actorRole: h.actorRole,
			at: formatDateTime(locale, h.at)
		})),
		done: outcomeOf(url)
	};
};

export const actions: Actions = {
	tick: planActions.tick,
	comment: planActions.comment,
	updateGoal: planActions.updateGoal,
	deleteGoal: planActions.deleteGoal,
	addStep: planActions.addStep,
	updateStep: planActions.updateStep,
	moveStep: planActions.moveStep,
	deleteStep: planActions.deleteStep
};
