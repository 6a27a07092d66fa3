import { requireOwnData } from '$lib/server/auth/guard';
import { consentsOf } from '$lib/server/consent';
import { accessesTo } from '$lib/server/rights/access-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { actor, access } = await requireOwnData();
	const [consents, accesses] = await Promise.all([consentsOf(access), accessesTo(access, actor.id, 1000)]);
	return { activeGrants: consents.filter((c) => c.state === 'given').length, accessCount: accesses.length };
};
