import { error } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { consentsOf } from '$lib/server/consent';
import { countAccessesTo } from '$lib/server/rights/access-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const [consents, accessCount] = await Promise.all([
		consentsOf(actor.participantId),
		countAccessesTo(actor.participantId, actor.id)
	]);
	return { activeGrants: consents.filter((c) => c.state === 'given').length, accessCount };
};
