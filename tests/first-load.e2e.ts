import { expect, test, type Page } from '@playwright/test';
import { ar, LOCALES, PHONE, signIn } from './helpers';

// A participant's first visit on a phone: the page brings only what its first paint needs.
test.use({ ...PHONE, locale: 'ar' });

const MESSAGES_FILE = /\/_app\/immutable\/assets\/([a-z]+)\.[\w-]+\.json$/;

/** Every messages file the page requests from now on, by locale. */
function recordMessageFiles(page: Page): string[] {
	const locales: string[] = [];
	page.on('request', (request) => {
		const match = MESSAGES_FILE.exec(new URL(request.url()).pathname);
		if (match !== null) locales.push(match[1]);
	});
	return locales;
}

test('a page carries its texts but no dictionary, waits for no stylesheet, and its messages file is cached for good', async ({
	request
}) => {
	const response = await request.get('/login', { headers: { 'accept-language': 'ar' } });
	const html = await response.text();
	// The page is rendered in Arabic on the server …
	expect(html).toContain(ar['auth.sign_in']);
	expect(html).toContain(ar['auth.username']);
	// … but messages of other pages are not in it (a rare one, and the long ones as a whole).
	expect(html).not.toContain(ar['documents.rejected_too_large_total']);
	const longMessages = Object.values(ar).filter((m) => m.length > 40 && !m.includes('{{'));
	expect(longMessages.filter((m) => html.includes(m)).length).toBeLessThan(5);

	// Styles are inlined: no <link rel="stylesheet"> the first paint would wait for (SvelteKit keeps disabled ones
	// for its client router, which the browser does not fetch).
	const blocking = [...html.matchAll(/<link\b[^>]*>/g)]
		.map((m) => m[0])
		.filter((tag) => /rel="stylesheet"/.test(tag) && !/\bdisabled\b/.test(tag));
	expect(blocking).toEqual([]);

	// The one messages file is named in the page (preloaded after the first paint), and served to be kept as long
	// as it exists.
	const href = /<meta name="tandem-messages" content="([^"]+)"/.exec(html)?.[1];
	expect(href).toMatch(MESSAGES_FILE);
	expect(MESSAGES_FILE.exec(href!)?.[1]).toBe('ar');
	const file = await request.get(href!);
	expect(file.status()).toBe(200);
	expect(file.headers()['cache-control']).toContain('immutable');
	expect(await file.json()).toEqual(ar);
});

test('the browser fetches its own language once: not again on navigation, and never another language', async ({
	page
}) => {
	const fetched = recordMessageFiles(page);
	await signIn(page, 'participant');
	await expect(page).toHaveURL(/\/home$/);
	await page.getByRole('navigation', { name: ar['nav.main'] }).getByRole('link', { name: ar['nav.my_plan'] }).click();
	await expect(page).toHaveURL(/\/participants\/[^/]+\/plan$/);
	// Rendered in the browser after a client-side navigation: the translator works there too.
	await expect(page.getByRole('heading', { level: 1, name: ar['plan.my_plan'] })).toBeVisible();
	await page.getByRole('navigation', { name: ar['nav.main'] }).getByRole('link', { name: ar['nav.home'] }).click();
	await expect(page).toHaveURL(/\/home$/);
	// One request: the preload, which the page's own fetch then uses (a second one would mean the preload missed).
	expect(fetched).toEqual(['ar']);
	expect(LOCALES.filter((l) => l !== 'ar').some((l) => fetched.includes(l))).toBe(false);
});

test('the largest text paints from the HTML alone: scripts and messages are fetched only after the first paint', async ({
	page
}) => {
	await signIn(page, 'participant');
	const response = await page.goto('/home', { waitUntil: 'networkidle' });
	// No module preloads in the headers: they would race the first paint for the connection and the processor.
	expect(response?.headers()['link'] ?? '').not.toContain('modulepreload');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const timing = await page.evaluate(async () => {
		const lcp = await new Promise<PerformanceEntry[]>((resolve) =>
			new PerformanceObserver((list) => resolve(list.getEntries())).observe({
				type: 'largest-contentful-paint',
				buffered: true
			})
		);
		const resources = performance.getEntriesByType('resource');
		return {
			fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
			lastLargestPaint: Math.max(...lcp.map((e) => e.startTime)),
			scripts: resources.filter((r) => /\.(js|json)$/.test(r.name)).map((r) => r.startTime)
		};
	});
	// The page hydrated (its scripts came) …
	expect(timing.scripts.length).toBeGreaterThan(5);
	// … every one of them after the first contentful paint, and no larger paint came with hydration.
	expect(Math.min(...timing.scripts)).toBeGreaterThanOrEqual(timing.fcp);
	expect(timing.lastLargestPaint).toBeLessThanOrEqual(Math.min(...timing.scripts));
});

test('what the reader unfolds while the script is still loading stays unfolded once the page has hydrated', async ({
	page
}) => {
	await signIn(page, 'participant');
	// Hold the app's modules back, as a slow phone would, until the reader has opened the past appointments.
	let release: () => void = () => {};
	const held = new Promise<void>((go) => (release = go));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/appointments', { waitUntil: 'domcontentloaded' });
	const past = page.locator('details.past');
	await page.getByText(ar['appointments.past']).click();
	await expect(past).toHaveJSProperty('open', true);
	release();
	await page.waitForLoadState('networkidle');
	await page.waitForFunction(() => globalThis.__tandemToggled === null);
	await expect(past).toHaveJSProperty('open', true);
});

test('what the reader types while the script is still loading stays typed once the page has hydrated', async ({
	page
}) => {
	await signIn(page, 'caseworker');
	let release: () => void = () => {};
	const held = new Promise<void>((go) => (release = go));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/caseload', { waitUntil: 'domcontentloaded' });
	const search = page.getByRole('searchbox', { name: ar['caseload.search'] });
	await search.fill('Tesfay');
	release();
	await page.waitForLoadState('networkidle');
	await page.waitForFunction(() => globalThis.__tandemTyped === null);
	await expect(search).toHaveValue('Tesfay');
	await page.getByRole('button', { name: ar['caseload.apply'] }).click();
	await expect(page).toHaveURL(/[?&]q=Tesfay/);
});
