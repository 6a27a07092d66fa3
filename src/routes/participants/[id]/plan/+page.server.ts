import { formatDate } from '$lib/i18n/format';
import { requireActor } from '$lib/server/auth/guard';
import { sharedNotesByGoal, type NoteRow } from '$lib/server/notes';
import { participantSummary } from '$lib/server/participants';
import { caseWorkAccess } from '$lib/server/policy';
import { outcomeOf, planActions } from '$lib/server/plans/actions';
import { readPlan } from '$lib/server/plans/read';
import { byField, changeViews, dateView, goalView, nextSteps } from '$lib/server/plans/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireActor();
	const plan = await readPlan(actor, params.id);
	const participant = await participantSummary(plan.access);
	const locale = locals.locale;
	const views = plan.goals.map((g) => goalView(g, locale));
	const agreedGoals = views.filter((g) => g.proposal === 'none');
	// Her own plan shows, under each goal, what her caseworker shared with her about it.
	const casework = plan.access.relation === 'self' ? await caseWorkAccess(actor, params.id) : null;
	const goalNotes = casework === null ? new Map<string, NoteRow[]>() : await sharedNotesByGoal(casework);
	return {
		participant: {
			id: participant.id,
			name: `${participant.givenName} ${participant.familyName}`,
			givenName: participant.givenName
		},
		self: plan.access.relation === 'self',
		editPlan: plan.access.editPlan,
		tickable: plan.access.tickable,
		actingFor:
			plan.access.relation === 'consented_volunteer' ? `${participant.givenName} ${participant.familyName}` : null,
		proposeGoals: plan.access.proposeGoals,
		nextReview: dateView(plan.nextReviewDate, locale, true),
		groups: byField(agreedGoals),
		proposals: views.filter((g) => g.proposal !== 'none'),
		nextSteps: nextSteps(agreedGoals),
		lastAgreed:
			plan.lastAgreed === null
				? null
				: { number: plan.lastAgreed.number, date: formatDate(locale, plan.lastAgreed.agreedAt) },
		pending:
			plan.pending === null
				? null
				: {
						id: plan.pending.id,
						number: plan.pending.number,
						participantConfirmed: plan.pending.participantConfirmedAt !== null,
						caseworkerConfirmed: plan.pending.caseworkerConfirmedAt !== null
					},
		changes: plan.changesSinceAgreed === null ? null : changeViews(plan.changesSinceAgreed, locale),
		goalNotes: Object.fromEntries(
			[...goalNotes].map(([goalId, notes]) => [
				goalId,
				notes.map((n) => ({ id: n.id, body: n.body, language: n.language }))
			])
		),
		done: outcomeOf(url)
	};
};

export const actions: Actions = {
	tick: planActions.tick,
	status: planActions.status,
	move: planActions.move,
	accept: planActions.accept,
	decline: planActions.decline,
	proposeVersion: planActions.proposeVersion,
	confirm: planActions.confirm
};
