import { json } from '@sveltejs/kit';
import { requireOwnData } from '$lib/server/auth/guard';
import { exportFor } from '$lib/server/rights/export';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const { access } = await requireOwnData();
	const data = await exportFor(access);
	return json(data, {
		headers: {
			'content-disposition': `attachment; filename="tandem-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
