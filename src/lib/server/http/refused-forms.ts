import { randomBytes } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';

/**
 * Post/Redirect/Get for refused forms sent without enhancement (no JavaScript yet, or a form without
 * `use:enhance`). The browser would show the refusal at the action's address ("?/withdraw") and a reload would
 * post the form again. Instead the rendered refusal — its message and what the person typed — is kept for one
 * minute, the browser is sent to the page's own address, and that one GET gets the kept page back, once.
 *
 * Kept in this process's memory, keyed by a random id in a cookie and bound to the session that posted: the page
 * is personal, so it never touches disk and nobody else can fetch it. With several server processes the GET may
 * land elsewhere; then the page simply renders afresh without the message (nothing is posted twice either way).
 */
const COOKIE = 'tandem_refused';
const KEEP_MS = 60_000;
const MAX_KEPT = 500;

type Kept = {
	path: string;
	session: string | null;
	status: number;
	headers: [string, string][];
	body: string;
	until: number;
};
const kept = new Map<string, Kept>();

const REFUSED = new Set([400, 403, 409, 413, 422, 429]);

/**
 * A form the browser itself sent as a page navigation. Enhanced submits are fetches (their address never
 * changes); other clients (scripts, curl) get the refusal directly, as before.
 */
export function isNativeFormPost(event: RequestEvent): boolean {
	const headers = event.request.headers;
	return event.request.method === 'POST' && headers.get('sec-fetch-mode') === 'navigate' && !event.isDataRequest;
}

/** The page's own address: the action's "?/name" key taken out, any other query kept. */
function pageAddress(url: URL): string {
	const address = new URL(url);
	for (const key of [...address.searchParams.keys()]) if (key.startsWith('/')) address.searchParams.delete(key);
	return address.pathname + address.search;
}

function forget(now: number): void {
	for (const [id, page] of kept) if (page.until <= now) kept.delete(id);
	while (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
}

/** Turns a rendered refusal of a native post into a redirect to the page, keeping the rendered page for one GET. */
export async function redirectRefusal(
	event: RequestEvent,
	response: Response,
	session: string | null
): Promise<Response> {
	const type = response.headers.get('content-type') ?? '';
	if (!REFUSED.has(response.status) || !type.startsWith('text/html')) return response;
	const now = Date.now();
	forget(now);
	const id = randomBytes(18).toString('base64url');
	const path = pageAddress(event.url);
	const headers = [...response.headers].filter(([name]) => !['content-length', 'set-cookie'].includes(name));
	kept.set(id, { path, session, status: response.status, headers, body: await response.text(), until: now + KEEP_MS });
	const redirect = new Response(null, { status: 303, headers: { location: path } });
	for (const cookie of response.headers.getSetCookie()) redirect.headers.append('set-cookie', cookie);
	redirect.headers.append('set-cookie', cookieHeader(id, KEEP_MS / 1000, event.url.protocol === 'https:'));
	return redirect;
}

/** The kept refusal for this GET, if the browser was just sent here after one; given out once. */
export function replayRefusal(event: RequestEvent, session: string | null): Response | null {
	const id = event.cookies.get(COOKIE);
	if (id === undefined || event.request.method !== 'GET') return null;
	event.cookies.delete(COOKIE, { path: '/' });
	const page = kept.get(id);
	kept.delete(id);
	if (page === undefined || page.until <= Date.now()) return null;
	if (page.session !== session || page.path !== event.url.pathname + event.url.search) return null;
	const replay = new Response(page.body, { status: page.status, headers: page.headers });
	replay.headers.append('set-cookie', cookieHeader('', 0, event.url.protocol === 'https:'));
	return replay;
}

// Written by hand: cookies set through `event.cookies` after `resolve` do not reach a response the hook makes.
function cookieHeader(value: string, maxAge: number, secure: boolean): string {
	return `${COOKIE}=${value}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}
