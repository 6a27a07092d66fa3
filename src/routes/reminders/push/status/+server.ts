import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireRole } from '$lib/server/auth/guard';
import { isSubscribed } from '$lib/server/push';
import type { RequestHandler } from './$types';

/**
 * Whether this browser's subscription belongs to the signed-in person. On a shared phone the browser may still
 * hold the previous person's subscription (signed out without JavaScript); the page then ends it.
 */
export const POST: RequestHandler = async ({ request }) => {
	const actor = requireRole('participant', 'volunteer');
	const parsed = v.safeParse(
		v.object({ endpoint: v.pipe(v.string(), v.maxLength(1000)) }),
		await request.json().catch(() => null)
	);
	if (!parsed.success) error(400, 'form.invalid');
	return json({ subscribed: await isSubscribed(actor.id, parsed.output.endpoint) });
};
