import { requireActor } from '$lib/server/auth/guard';
import { participantSummary } from '$lib/server/participants';
import { outcomeOf, planActions } from '$lib/server/plans/actions';
import { openPlan } from '$lib/server/plans/read';
import { versionContent, versionSummary } from '$lib/server/plans/version-view';
import { versionOf } from '$lib/server/plans/versions';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const access = await openPlan(requireActor(), params.id);
	const [participant, version] = await Promise.all([participantSummary(access), versionOf(access, params.versionId)]);
	return {
		participant: { id: participant.id, name: `${participant.givenName} ${participant.familyName}` },
		self: access.relation === 'self',
		editPlan: access.editPlan,
		version: { ...versionSummary(version, locals.locale), cancelled: version.cancelledAt !== null },
		content: versionContent(version, locals.locale),
		done: outcomeOf(url)
	};
};

export const actions: Actions = { confirm: planActions.confirm, paper: planActions.paper };
