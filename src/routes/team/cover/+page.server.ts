import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { coverSchema, endCoverSchema } from '$lib/server/cases/cover-schema';
import { coversOf } from '$lib/server/cases/covered';
import { endCover, giveCover } from '$lib/server/cases/covers';
import { formAction } from '$lib/server/form-action';
import { caseworkersOf, caseOfCaseworker } from '$lib/server/participants/assignment';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireRole('lead');
	if (actor.organisationId === null) error(404, 'error.not_found');
	// One case: reached from the load view or a case with ?participant=; the whole caseload otherwise.
	const participantId = url.searchParams.get('participant');
	const single = participantId === null ? null : await caseOfCaseworker(actor, participantId);
	const [caseworkers, covers] = await Promise.all([
		caseworkersOf(actor.organisationId),
		coversOf(actor.organisationId)
	]);
	return {
		caseworkers,
		single,
		covers: covers.map((c) => ({
			...c,
			endedAt: undefined,
			from: formatDate(locals.locale, c.startsOn),
			until: formatDate(locals.locale, c.endsOn)
		}))
	};
};

export const actions: Actions = {
	give: formAction(
		coverSchema,
		async ({ actor, input, refuse }) => {
			const outcome = await giveCover(actor, input);
			return 'ok' in outcome ? { given: true } : refuse(outcome);
		},
		{ roles: ['lead'] }
	),
	end: formAction(
		endCoverSchema,
		async ({ actor, input, refuse }) => {
			const outcome = await endCover(actor, input.coverId);
			return 'ok' in outcome ? { ended: true } : refuse(outcome);
		},
		{ roles: ['lead'] }
	)
};
