import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { directionOf, scriptOf } from '$lib/i18n/locales';
import { deleteSessionCookie, SESSION_COOKIE, setSessionCookie, validateSessionToken } from '$lib/server/auth/session';
import { guardedRequest } from '$lib/server/http/body';
import { uploadFor } from '$lib/server/http/uploads';
import { modulesAfterFirstPaint } from '$lib/server/http/first-paint';
import { isNativeFormPost, redirectRefusal, replayRefusal } from '$lib/server/http/refused-forms';
import { sweepDocumentStorage } from '$lib/server/documents/sweep';
import { syncShippedCatalogue } from '$lib/server/plans/catalogue';
import { ensureBootstrapAdmin } from '$lib/server/users/bootstrap';
import { config } from '$lib/server/config';
import { migrateDatabase, startOptimizer } from '$lib/server/db';
import { LOCALE_COOKIE, resolveLocale, translatorFor } from '$lib/server/i18n';

const gzipped = promisify(gzip);

export const init: ServerInit = async () => {
	// Bad settings stop the start here, with a message naming them, before anything is written.
	const { seedDemo: demo, remindersOn } = config();
	migrateDatabase();
	startOptimizer();
	await syncShippedCatalogue();
	await ensureBootstrapAdmin();
	// In the background: the sweep reads every name in the document folder (half a million with a whole state's
	// documents) and only removes files no row points to that are over a minute old, so no request depends on it.
	sweepDocumentStorage().catch((e: unknown) => console.error('documents: sweep failed', e));
	// Demo data only when the demo command asks for it, never on a plain production start.
	if (demo) {
		const { seedDemo } = await import('$lib/server/demo/seed');
		await seedDemo();
	}
	// Reminders and push run in the server process; tests call runReminders themselves.
	if (remindersOn) {
		const { startReminderClock } = await import('$lib/server/reminders');
		startReminderClock();
		// Anonymisation after the retention period runs on the same switch: one server process keeps the clocks.
		const { startRetentionClock } = await import('$lib/server/retention/run');
		startRetentionClock();
	}
};

const authenticate: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	const secure = event.url.protocol === 'https:';
	if (token === undefined) {
		event.locals.user = null;
		event.locals.session = null;
		return resolve(event);
	}
	const { session, user } = await validateSessionToken(token);
	if (session === null) deleteSessionCookie(event.cookies, secure);
	else setSessionCookie(event.cookies, token, session.expiresAt, secure);
	event.locals.session = session;
	event.locals.user = user;
	return resolve(event);
};

const localise: Handle = async ({ event, resolve }) => {
	const locale = resolveLocale(
		event.locals.user?.locale,
		event.cookies.get(LOCALE_COOKIE),
		event.request.headers.get('accept-language')
	);
	event.locals.locale = locale;
	// lang and dir are right in the first byte, before any script runs; scripts load after the first paint.
	const modules = modulesAfterFirstPaint();
	return resolve(event, {
		preload: modules.preload,
		transformPageChunk: ({ html }) =>
			modules.transform(
				html
					.replace('%tandem.lang%', locale)
					.replace('%tandem.dir%', directionOf(locale))
					.replace('%tandem.script%', scriptOf(locale))
			)
	});
};

// Forms here are small; anything larger is refused before it is read. Document uploads have their own limit.
const MAX_FORM_BYTES = 128 * 1024;

// The hand-written 413 page has no script and no outside resources; SvelteKit's CSP only covers its own pages.
const STATIC_PAGE_CSP =
	"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

const limitBodies: Handle = async ({ event, resolve }) => {
	const length = Number(event.request.headers.get('content-length') ?? '0');
	const upload = uploadFor(event.request.method, event.url.pathname);
	const limit = upload?.limit ?? MAX_FORM_BYTES;
	if (event.request.method !== 'GET' && length > limit) {
		const t = translatorFor(event.locals.locale);
		const dir = directionOf(event.locals.locale);
		const title = t(upload?.tooLarge ?? 'error.too_large');
		const back = upload === null ? '/' : event.url.pathname;
		const backLabel = t(upload?.backLabel ?? 'error.go_home');
		const body = `<!doctype html><html lang="${event.locals.locale}" dir="${dir}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Tandem</title><main style="font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:1rem"><h1>${title}</h1><p>${t('error.unexpected_help')}</p><p><a href="${back}">${backLabel}</a></p></main></html>`;
		return new Response(body, {
			status: 413,
			headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STATIC_PAGE_CSP }
		});
	}
	// Content-Length is the client's claim (and absent on a chunked body): the limit also holds for what is read.
	if (event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		event.request = guardedRequest(event.request, limit);
	}
	return resolve(event);
};

const secureHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	// No page address leaves the app (invitation codes travel in links). Not 'no-referrer': with it Chromium
	// sends "Origin: null" on form posts, which SvelteKit's CSRF check rightly refuses.
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'geolocation=(), microphone=(), camera=(self)');
	if (event.locals.user !== null && response.headers.get('content-type')?.startsWith('text/html')) {
		// Personal pages must never sit in a shared cache or the back-forward cache of a shared device.
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

// adapter-node precompresses static files but not rendered pages; on a weak mobile connection that matters.
// Pages and data are rendered whole (no streamed promises), so the body is compressed in one call rather than
// through a web CompressionStream, whose per-chunk stream machinery cost more than the compression itself.
// Level 4: within 4 % of level 6's size at about half its CPU. Live streams (text/event-stream) pass untouched.
const COMPRESSION = { level: 4 };
const MIN_COMPRESSED_BYTES = 1024;

const compress: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const type = response.headers.get('content-type') ?? '';
	const compressible = type.startsWith('text/html') || type.startsWith('application/json');
	const accepts = /\bgzip\b/.test(event.request.headers.get('accept-encoding') ?? '');
	if (!compressible || !accepts || response.body === null || response.headers.has('content-encoding')) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	headers.append('vary', 'Accept-Encoding');
	const init = { status: response.status, statusText: response.statusText, headers };
	if (body.byteLength < MIN_COMPRESSED_BYTES) return new Response(body, init);
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	return new Response(await gzipped(body, COMPRESSION), init);
};

// A refused form posted without enhancement comes back by redirect to the page's own address (see refused-forms).
const redirectRefusedForms: Handle = async ({ event, resolve }) => {
	const session = event.locals.session?.id ?? null;
	const replay = replayRefusal(event, session);
	if (replay !== null) return replay;
	const response = await resolve(event);
	return isNativeFormPost(event) ? redirectRefusal(event, response, session) : response;
};

export const handle = sequence(compress, authenticate, redirectRefusedForms, localise, secureHeaders, limitBodies);

export const handleError: HandleServerError = ({ error, event, status }) => {
	const id = crypto.randomUUID();
	if (status !== 404 && status !== 413) console.error(`[${id}] ${event.request.method} ${event.url.pathname}`, error);
	// A body over adapter-node's BODY_SIZE_LIMIT fails while being read: say "too large", not "went wrong".
	if (status === 413) return { message: 'error.too_large', id };
	return { message: status === 404 ? 'error.not_found' : 'error.unexpected', id };
};
