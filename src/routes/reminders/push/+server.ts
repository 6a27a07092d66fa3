import { error, json } from '@sveltejs/kit';
import * as v from 'valibot';
import { requireRole } from '$lib/server/auth/guard';
import { subscribe, unsubscribe } from '$lib/server/push';
import type { RequestHandler } from './$types';

const base64url = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]+=*$/), v.maxLength(200));
const subscription = v.object({
	// Push services are https; anything else is not a browser's subscription.
	endpoint: v.pipe(v.string(), v.url(), v.startsWith('https://'), v.maxLength(1000)),
	keys: v.object({ p256dh: base64url, auth: base64url })
});

/** This device agrees to receive reminders (the page's script sends what the browser's push manager made). */
export const POST: RequestHandler = async ({ request, locals }) => {
	const actor = requireRole('participant', 'volunteer');
	const parsed = v.safeParse(subscription, await request.json().catch(() => null));
	if (!parsed.success || locals.session === null) error(400, 'form.invalid');
	await subscribe(actor.id, locals.session.id, parsed.output);
	return json({ ok: true });
};

export const DELETE: RequestHandler = async ({ request }) => {
	const actor = requireRole('participant', 'volunteer');
	const parsed = v.safeParse(
		v.object({ endpoint: v.pipe(v.string(), v.maxLength(1000)) }),
		await request.json().catch(() => null)
	);
	if (!parsed.success) error(400, 'form.invalid');
	await unsubscribe(actor.id, parsed.output.endpoint);
	return json({ ok: true });
};
