import { expect, test, type Page } from '@playwright/test';
import { de, en, expectDocumentLanguage, fa, MESSAGES, submitLogin, switchLanguage, ti } from './helpers';

// No saved choice and no cookie: the browser asks for German.
test.use({ locale: 'de-DE' });

const FONT_SCRIPTS = ['arabic', 'persian', 'ethiopic'] as const;

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
	await expect(page).toHaveURL(/\/caseload$/);
	await expectDocumentLanguage(page, 'ti');
	await expect(page.getByRole('heading', { level: 1, name: ti['caseload.title'] })).toBeVisible();
});

test('a page loads only its own script font stylesheet', async ({ page }) => {
	// German: the device's own fonts, no web font at all.
	let requests = recordRequests(page);
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1, name: de['auth.sign_in'] })).toBeVisible();
	await page.waitForLoadState('networkidle');
	for (const script of FONT_SCRIPTS) {
		expect(
			requests.filter((url) => url.includes(script)),
			`${script} on a German page`
		).toEqual([]);
	}

	// Arabic: the Arabic stylesheet, and neither the Persian nor the Ethiopic one.
	const arabicPage = await page.context().newPage();
	requests = recordRequests(arabicPage);
	await arabicPage.goto('/login');
	await switchLanguage(arabicPage, 'ar');
	await expect(arabicPage.getByRole('heading', { level: 1, name: MESSAGES.ar['auth.sign_in'] })).toBeVisible();
	await arabicPage.waitForLoadState('networkidle');
	expect(
		requests.some((url) => /arabic[^/]*\.css(\?|$)/.test(url)),
		`requests:\n${requests.join('\n')}`
	).toBe(true);
	for (const script of ['persian', 'ethiopic']) {
		expect(
			requests.filter((url) => url.includes(script)),
			`${script} on an Arabic page`
		).toEqual([]);
	}
});
