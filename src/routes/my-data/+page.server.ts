import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { consentsOf } from '$lib/server/consent';
import { accessesTo } from '$lib/server/rights/access-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const [consents, accesses] = await Promise.all([
		consentsOf(actor.participantId),
		accessesTo(actor.participantId, actor.id, 1000)
	]);
	return { activeGrants: consents.filter((c) => c.state === 'given').length, accessCount: accesses.length };
};
