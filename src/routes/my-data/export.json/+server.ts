import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/guard';
import { exportFor } from '$lib/server/rights/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const data = await exportFor(actor, actor.participantId);
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="tandem-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
