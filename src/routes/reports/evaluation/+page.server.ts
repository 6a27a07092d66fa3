import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guard';
import { offeredYears } from '$lib/server/evaluation';
import { evaluationScopeOf } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const scope = evaluationScopeOf(requireActor());
	if (scope === null) error(404, 'error.not_found');
	return { scope: scope.kind, years: offeredYears() };
};
