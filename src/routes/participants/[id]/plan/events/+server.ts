import { error } from '@sveltejs/kit';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { planStream } from '$lib/server/live/stream';
import { planAccess } from '$lib/server/policy';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, locals, cookies, request }) => {
	const user = locals.user;
	const token = cookies.get(SESSION_COOKIE);
	if (user === null || token === undefined) error(404, 'error.not_found');
	const actor = {
		id: user.id,
		role: user.role,
		organisationId: user.organisationId,
		participantId: user.participantId,
		displayName: user.displayName
	};
	if ((await planAccess(actor, params.id)) === null) error(404, 'error.not_found');
	// After a dropped connection the browser sends the last event it saw; the stream catches up from there.
	const lastEventId = Number.parseInt(request.headers.get('last-event-id') ?? '0', 10);
	return new Response(planStream(actor, params.id, token, Number.isFinite(lastEventId) ? lastEventId : 0), {
		headers: {
			'content-type': 'text/event-stream; charset=utf-8',
			'cache-control': 'no-store',
			'x-accel-buffering': 'no'
		}
	});
};
