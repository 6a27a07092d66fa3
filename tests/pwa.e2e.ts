import { expect, test } from '@playwright/test';
import { MESSAGES, pageLocale } from './helpers';

type ManifestIcon = { src: string; sizes: string; type?: string; purpose?: string };
type Manifest = { name?: string; short_name?: string; start_url?: string; display?: string; icons?: ManifestIcon[] };

test.describe('installable app', () => {
	test.use({ serviceWorkers: 'allow' });

	test('the web app manifest describes an installable app', async ({ request }) => {
		const response = await request.get('/manifest.webmanifest');
		expect(response.status()).toBe(200);
		const manifest = (await response.json()) as Manifest;
		expect(manifest.name).toBeTruthy();
		expect(manifest.short_name).toBeTruthy();
		expect(manifest.start_url).toBeTruthy();
		expect(manifest.display).toBe('standalone');
		const icons = manifest.icons ?? [];
		expect(icons.some((icon) => icon.sizes.split(' ').includes('192x192'))).toBe(true);
		expect(icons.some((icon) => icon.sizes.split(' ').includes('512x512'))).toBe(true);
		expect(icons.some((icon) => (icon.purpose ?? '').split(' ').includes('maskable'))).toBe(true);
		for (const icon of icons) {
			const image = await request.get(icon.src);
			expect(image.status(), icon.src).toBe(200);
			expect(image.headers()['content-type']).toContain('image/png');
		}
	});

	test('Chromium itself finds nothing that stops installing the app', async ({ page }) => {
		await page.goto('/login');
		await page.evaluate(() => navigator.serviceWorker.ready);
		const cdp = await page.context().newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		// Playwright's contexts are incognito profiles, where Chromium never offers installation; every other reason counts.
		expect(installabilityErrors.filter((e) => e.errorId !== 'in-incognito')).toEqual([]);
	});

	test('the service worker script is served and pages link the manifest', async ({ page, request }) => {
		const sw = await request.get('/sw.js');
		expect(sw.status()).toBe(200);
		expect(sw.headers()['content-type']).toMatch(/javascript/);
		// Messages are cached when a language is first used (CacheFirst), never precached: a phone keeps only its own.
		const worker = await sw.text();
		expect(worker).toContain('cacheName:"messages"');
		expect(worker).not.toMatch(/_app\/immutable\/assets\/[a-z]+\.[\w-]+\.json/);

		await page.goto('/login');
		await expect(page.locator('link[rel="manifest"]')).toHaveAttribute('href', /manifest\.webmanifest$/);
	});

	test('offline, a page reload shows the offline page from the service worker', async ({ page, context }) => {
		await page.goto('/login');
		const state = await page.evaluate(async () => {
			const worker = (await navigator.serviceWorker.ready).active;
			if (worker === null) return null;
			if (worker.state !== 'activated') {
				await new Promise<void>((resolve) => {
					worker.addEventListener('statechange', () => {
						if (worker.state === 'activated') resolve();
					});
				});
			}
			return worker.state;
		});
		expect(state).toBe('activated');

		await context.setOffline(true);
		try {
			await page.reload();
			await expect(page.getByText('Sie sind gerade offline.', { exact: false })).toBeVisible();
			await expect(page).toHaveTitle(/offline/i);
		} finally {
			await context.setOffline(false);
		}
	});
});

test.describe('server basics', () => {
	test('/healthz reports ok', async ({ request }) => {
		const response = await request.get('/healthz');
		expect(response.status()).toBe(200);
		expect(await response.json()).toEqual({ status: 'ok' });
	});

	test('an unknown address answers 404 with the localised not-found page', async ({ browser }) => {
		for (const locale of ['de', 'ar'] as const) {
			const context = await browser.newContext({ locale });
			try {
				const page = await context.newPage();
				const response = await page.goto('/does-not-exist');
				expect(response?.status()).toBe(404);
				expect(await pageLocale(page)).toBe(locale);
				await expect(page.getByRole('heading', { level: 1, name: MESSAGES[locale]['error.not_found'] })).toBeVisible();
			} finally {
				await context.close();
			}
		}
	});

	test('responses carry the security headers', async ({ page }) => {
		const response = await page.goto('/login');
		expect(response).not.toBeNull();
		const headers = response!.headers();
		expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
		expect(headers['content-security-policy']).toContain("default-src 'self'");
		expect(headers['x-content-type-options']).toBe('nosniff');
		expect(headers['referrer-policy']).toBeTruthy();
	});
});
