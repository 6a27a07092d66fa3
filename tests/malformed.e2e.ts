import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join, relative } from 'node:path';
import { DEMO_PASSWORD, en, fill } from './helpers';

// Bad input and abuse, at the HTTP level of the built app: a malformed request gets a 400 (or 413) with the
// localised page, never a 500; return paths never lead off-site.

const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Every form action of the app, found in the route files: [path, action name]. */
function formActions(): [string, string][] {
	const found: [string, string][] = [];
	const walk = (dir: string) => {
		for (const name of readdirSync(dir)) {
			const path = join(dir, name);
			if (statSync(path).isDirectory()) walk(path);
			else if (name === '+page.server.ts') {
				const source = readFileSync(path, 'utf8');
				const block = source.split('export const actions')[1];
				if (block === undefined) continue;
				const route = ('/' + relative('src/routes', dir))
					.replace(/\/\([^)]+\)/g, '')
					.replace(/\[[^\]]+\]/g, SOME_ID)
					.replace(/\/$/, '');
				for (const [, action] of block.matchAll(/^\t(\w+): async/gm)) found.push([route || '/', action]);
			}
		}
	};
	walk('src/routes');
	return found;
}

const BODIES: { name: string; type: string; data: string }[] = [
	{ name: 'broken multipart', type: 'multipart/form-data; boundary=tandem', data: '--tandem\r\nbroken' },
	{ name: 'multipart without boundary', type: 'multipart/form-data', data: 'a=b' },
	{ name: 'text/plain', type: 'text/plain', data: 'locale=ar\r\nreturnTo=/home' },
	{
		name: 'newline in return paths',
		type: 'application/x-www-form-urlencoded',
		data: 'returnTo=%2F%0A%2Fx&redirectTo=%2F%0Ax&id=%0A'
	}
];

async function signedIn(username: string | null): Promise<APIRequestContext> {
	const context = await playwrightRequest.newContext({
		baseURL: ORIGIN,
		extraHTTPHeaders: { origin: ORIGIN, 'accept-language': 'en', accept: 'text/html' },
		maxRedirects: 0
	});
	if (username !== null) {
		const response = await context.post('/login', { form: { username, password: DEMO_PASSWORD } });
		expect(response.status()).toBe(303);
	}
	return context;
}

test.describe('malformed requests', () => {
	for (const username of [null, 'participant', 'caseworker', 'volunteer', 'admin']) {
		test(`every form action answers malformed bodies without a 500 (${username ?? 'signed out'})`, async () => {
			const context = await signedIn(username);
			const failures: string[] = [];
			for (const [path, action] of formActions()) {
				const target = action === 'default' ? path : `${path}?/${action}`;
				for (const body of BODIES) {
					const response = await context.post(target, { headers: { 'content-type': body.type }, data: body.data });
					if (response.status() >= 500) failures.push(`${target} ${body.name}: ${response.status()}`);
				}
			}
			expect(failures).toEqual([]);
			await context.dispose();
		});
	}

	test('a text/plain body to /language gets the localised 400 page', async () => {
		const context = await signedIn(null);
		const response = await context.post('/language', { headers: { 'content-type': 'text/plain' }, data: 'locale=ar' });
		expect(response.status()).toBe(400);
		expect(await response.text()).toContain(en['error.bad_request']);
	});

	test('a Referer that is not a URL does not break dismissing a reminder', async () => {
		const context = await signedIn('participant');
		const response = await context.post('/reminders?/dismiss', {
			form: { id: '1' },
			headers: { referer: 'not a url' }
		});
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toBe('/reminders');
	});

	test('a chunked body above the form limit is refused with 413', async () => {
		const status = await new Promise<number>((resolve, reject) => {
			const req = httpRequest(`${ORIGIN}/language`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN, 'transfer-encoding': 'chunked' }
			});
			req.on('response', (res) => {
				res.resume();
				resolve(res.statusCode ?? 0);
			});
			req.on('error', reject);
			req.write('locale=ar&returnTo=/&padding=');
			for (let i = 0; i < 20; i++) req.write('x'.repeat(10_000));
			req.end();
		});
		expect(status).toBe(413);
	});
});

test.describe('return paths after sign-in', () => {
	for (const redirectTo of ['/\t/evil.example', '//evil.example', '/\n/evil.example', 'https://evil.example/']) {
		test(`sign-in with redirectTo ${JSON.stringify(redirectTo)} stays on the site`, async () => {
			const context = await signedIn(null);
			const response = await context.post('/login', {
				form: { username: 'volunteer', password: DEMO_PASSWORD, redirectTo }
			});
			expect(response.status()).toBe(303);
			expect(response.headers()['location']).toBe('/helping');
		});
	}
});

test.describe('headers of pages the app does not render itself', () => {
	test('the "too large" page answered before reading the body has a CSP', async () => {
		const context = await signedIn(null);
		const response = await context.post('/language', { form: { locale: 'ar', padding: 'x'.repeat(200_000) } });
		expect(response.status()).toBe(413);
		expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
		expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
	});

	test('the offline page carries its own CSP (adapter-node serves static files before the hooks)', async () => {
		const context = await signedIn(null);
		const page = await (await context.get('/offline.html')).text();
		expect(page).toContain('<meta http-equiv="Content-Security-Policy" content="default-src \'none\'');
	});

	test('static files and built assets are sent with nosniff and may not be framed (server.js)', async () => {
		const context = await signedIn(null);
		const home = await (await context.get('/login')).text();
		// A script's address (the page also names other built assets: fonts in its inlined styles, the messages file).
		const asset = /\/_app\/immutable\/[^"'()\s]+\.js(?=")/.exec(home)?.[0];
		expect(asset).toBeDefined();
		for (const path of ['/offline.html', '/icons/icon-192.png', '/manifest.webmanifest', asset!]) {
			const response = await context.get(path);
			expect(response.status(), path).toBe(200);
			expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
			expect(response.headers()['x-frame-options'], path).toBe('DENY');
		}
	});
});

test.describe('guessing codes', () => {
	test('a volunteer code carried in a forged cookie is counted like a typed one, and throttled', async () => {
		// Once the address is throttled its code checks take turns, one every two seconds.
		test.setTimeout(90_000);
		const context = await signedIn(null);
		const statuses: number[] = [];
		for (let i = 0; i < 11; i++) {
			const response = await context.post('/join?/create', {
				headers: { cookie: `tandem_join=WRONGC${'ABCDEFGHJK'[i]}${'MNPQRSTUVW'[i]}` },
				form: {
					displayName: 'Guesser',
					username: `guesser${i}`,
					password: 'long enough',
					passwordRepeat: 'long enough'
				}
			});
			statuses.push(response.status());
		}
		// The malformed bodies above may already have counted against this address; never a 200 or 500.
		expect(statuses.every((status) => status === 400 || status === 429)).toBe(true);
		expect(statuses[10]).toBe(429);
		expect(
			await (
				await context.post('/activate?/account', { headers: { cookie: 'tandem_activation=WRONGCDE' }, form: {} })
			).text()
		).toContain(fill(en['activate.throttled_other'], { count: 30 }));
	});
});

test('a browser holding a push subscription the server does not link to this person learns so', async () => {
	const context = await signedIn('participant');
	const unknown = await context.post('/reminders/push/status', {
		data: { endpoint: 'https://push.example/previous-person' }
	});
	expect(await unknown.json()).toEqual({ subscribed: false });
	const broken = await context.post('/reminders/push/status', {
		headers: { 'content-type': 'application/json' },
		data: '{"endpoint":'
	});
	expect(broken.status()).toBe(400);
});
