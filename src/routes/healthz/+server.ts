import { json } from '@sveltejs/kit';
import { databaseIsReachable } from '$lib/server/db';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	const ok = databaseIsReachable();
	return json({ status: ok ? 'ok' : 'database_unreachable' }, { status: ok ? 200 : 503 });
};
