import { expect, test, type Page } from '@playwright/test';
import { de, en, expectDocumentLanguage, fa, MESSAGES, submitLogin, switchLanguage, ti } from './helpers';

// No saved choice and no cookie: the browser asks for German.
test.use({ locale: 'de-DE' });

// Font files are named after their family (noto-sans-arabic-…, vazirmatn-…, noto-sans-ethiopic-…).
const FONT_SCRIPTS = ['arabic', 'vazirmatn', 'ethiopic'] as const;
const MESSAGES_FILE = /\/_app\/immutable\/assets\/([a-z]+)\.[\w-]+\.json$/;
const isMessagesFile = (url: string) => MESSAGES_FILE.test(new URL(url).pathname);
const messagesLocale = (url: string) => MESSAGES_FILE.exec(new URL(url).pathname)?.[1];

/** Every URL the page requests from now on. */
function recordRequests(page: Page): string[] {
	const urls: string[] = [];
	page.on('request', (request) => urls.push(request.url()));
	return urls;
}

test('the language switcher changes the language, and the choice is remembered', async ({ page }) => {
	await page.goto('/login');
	await expectDocumentLanguage(page, 'de');
	await expect(page.getByRole('heading', { level: 1, name: de['auth.sign_in'] })).toBeVisible();

	await switchLanguage(page, 'en');
	await expect(page).toHaveURL(/\/login$/);
	await expectDocumentLanguage(page, 'en');
	await expect(page.getByRole('heading', { level: 1, name: en['auth.sign_in'] })).toBeVisible();

	// A cookie keeps the choice.
	await page.reload();
	await expectDocumentLanguage(page, 'en');
	await expect(page.getByRole('heading', { level: 1, name: en['auth.sign_in'] })).toBeVisible();

	await switchLanguage(page, 'fa');
	await expectDocumentLanguage(page, 'fa');
	await expect(page.getByRole('heading', { level: 1, name: fa['auth.sign_in'] })).toBeVisible();
});

test('the language chosen before signing in is kept after signing in', async ({ page }) => {
	await page.goto('/login');
	await switchLanguage(page, 'ti');
	await submitLogin(page, 'caseworker', 'tandem-demo');
	await expect(page).toHaveURL(/\/today$/);
	await expectDocumentLanguage(page, 'ti');
	await expect(page.getByRole('heading', { level: 1, name: ti['today.title'] })).toBeVisible();
});

test("a page loads only its own language's messages and its own script's font", async ({ page }) => {
	// German: the German messages, and no web font at all.
	let requests = recordRequests(page);
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1, name: de['auth.sign_in'] })).toBeVisible();
	await page.waitForLoadState('networkidle');
	expect(requests.filter(isMessagesFile).map(messagesLocale)).toEqual(['de']);
	for (const script of FONT_SCRIPTS) {
		expect(
			requests.filter((url) => url.includes(script)),
			`${script} on a German page`
		).toEqual([]);
	}

	// Arabic: the Arabic messages and font family; no Persian or Ethiopic font file, no other language.
	const arabicPage = await page.context().newPage();
	requests = recordRequests(arabicPage);
	await arabicPage.goto('/login');
	await switchLanguage(arabicPage, 'ar');
	await expect(arabicPage.getByRole('heading', { level: 1, name: MESSAGES.ar['auth.sign_in'] })).toBeVisible();
	await arabicPage.waitForLoadState('networkidle');
	const fontFamily = await arabicPage.evaluate(() => getComputedStyle(document.body).fontFamily);
	expect(fontFamily).toMatch(/^"?Noto Sans Arabic/);
	// The page before the switch was German (from the context's cookie-less first visit), the one after Arabic.
	expect(new Set(requests.filter(isMessagesFile).map(messagesLocale))).toEqual(new Set(['de', 'ar']));
	for (const script of ['vazirmatn', 'ethiopic']) {
		expect(
			requests.filter((url) => url.includes(script)),
			`${script} on an Arabic page`
		).toEqual([]);
	}
});
