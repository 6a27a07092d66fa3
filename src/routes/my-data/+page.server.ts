import { requireOwnData } from '$lib/server/auth/guard';
import { consentsOf } from '$lib/server/consent';
import { countAccessesTo } from '$lib/server/rights/access-log';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const { actor, access } = await requireOwnData();
	const [consents, accessCount] = await Promise.all([consentsOf(access), countAccessesTo(access, actor.id)]);
	return { activeGrants: consents.filter((c) => c.state === 'given').length, accessCount };
};
