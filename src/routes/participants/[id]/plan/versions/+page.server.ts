import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireActor } from '$lib/server/auth/guard';
import { participantSummary } from '$lib/server/participants';
import { outcomeOf, planActions } from '$lib/server/plans/actions';
import { openPlan, versionsOf } from '$lib/server/plans/read';
import { versionSummary } from '$lib/server/plans/version-view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const access = await openPlan(requireActor(), params.id);
	const [participant, versions] = await Promise.all([
		participantSummary(access),
		versionsOf(access, url.searchParams.get(CURSOR_PARAM))
	]);
	return {
		participant: { id: participant.id, name: `${participant.givenName} ${participant.familyName}` },
		self: access.relation === 'self',
		editPlan: access.editPlan,
		versions: versions.rows.map((v) => versionSummary(v, locals.locale)),
		pager: pagerOf(versions),
		done: outcomeOf(url)
	};
};

export const actions: Actions = {
	confirm: planActions.confirm,
	paper: planActions.paper,
	proposeVersion: planActions.proposeVersion
};
