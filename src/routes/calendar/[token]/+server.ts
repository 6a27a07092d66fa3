import { error } from '@sveltejs/kit';
import { feedCalendar } from '$lib/server/appointments/feed';
import type { RequestHandler } from './$types';

/**
 * The participant's private calendar feed. Calendar apps fetch it without a session, so the unguessable,
 * revocable address is the key; an unknown or stopped address gets the same 404 as any missing page.
 */
export const GET: RequestHandler = async ({ params }) => {
	const calendar = await feedCalendar(params.token.replace(/\.ics$/, ''));
	if (calendar === null) error(404, 'error.not_found');
	return new Response(calendar, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'cache-control': 'private, no-store',
			'content-disposition': 'inline; filename="tandem.ics"'
		}
	});
};
