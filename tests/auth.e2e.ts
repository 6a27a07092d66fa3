import { expect, test } from '@playwright/test';
import {
	ar,
	DEMO_PASSWORD,
	fill,
	MESSAGES,
	pageLocale,
	pattern,
	signedInContext,
	signIn,
	submitLogin,
	type Messages
} from './helpers';

type Landing = { username: string; path: RegExp; heading: (t: Messages) => string | RegExp };

const LANDINGS: Landing[] = [
	{ username: 'participant', path: /\/home$/, heading: (t) => fill(t['home.greeting'], { name: 'Amina' }) },
	{ username: 'caseworker', path: /\/today$/, heading: (t) => t['today.title'] },
	{ username: 'lead', path: /\/caseload$/, heading: (t) => t['caseload.title'] },
	{ username: 'volunteer', path: /\/helping$/, heading: (t) => t['helping.title'] },
	{ username: 'admin', path: /\/admin\/users$/, heading: (t) => t['admin.users'] }
];

test.describe('signing in and out', () => {
	for (const { username, path, heading } of LANDINGS) {
		test(`${username} lands on their home and signs out`, async ({ page }) => {
			await signIn(page, username);
			await expect(page).toHaveURL(path);
			const t = MESSAGES[await pageLocale(page)];
			await expect(page.getByRole('heading', { level: 1, name: heading(t) })).toBeVisible();

			await page.getByRole('banner').getByRole('button', { name: t['auth.sign_out'] }).click();
			await expect(page).toHaveURL(/\/login$/);
			await expect(
				page.getByRole('heading', { level: 1, name: MESSAGES[await pageLocale(page)]['auth.sign_in'] })
			).toBeVisible();

			// The session is gone on the server too: a personal page sends back to sign-in.
			await page.goto('/home');
			await expect(page).toHaveURL(/\/login\?redirectTo=%2Fhome$/);
		});
	}

	test('the participant sees their saved language (Arabic) after sign-in', async ({ page }) => {
		await signIn(page, 'participant');
		await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
		await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
		await expect(
			page.getByRole('heading', { level: 1, name: fill(ar['home.greeting'], { name: 'Amina' }) })
		).toBeVisible();
	});

	test('wrong password and unknown user get the same message', async ({ page }) => {
		await page.goto('/login');
		const t = MESSAGES[await pageLocale(page)];
		const alert = page.getByRole('main').getByRole('alert');

		await submitLogin(page, 'volunteer2', 'not-the-password');
		await expect(alert).toHaveText(t['auth.invalid_credentials']);
		const forWrongPassword = await alert.textContent();
		// The username stays for the next try.
		await expect(page.getByLabel(t['auth.username'])).toHaveValue('volunteer2');

		await page.reload();
		await submitLogin(page, 'nobody-by-this-name', 'not-the-password');
		await expect(alert).toHaveText(t['auth.invalid_credentials']);
		expect(await alert.textContent()).toBe(forWrongPassword);
		await expect(page).toHaveURL(/\/login/);
	});

	test('"sign out on all devices" ends the sessions of other browsers', async ({ page, browser }) => {
		await signIn(page, 'volunteer2');
		const other = await signedInContext(browser, 'volunteer2');
		try {
			await expect(other.page).toHaveURL(/\/helping$/);

			await page.goto('/account');
			const t = MESSAGES[await pageLocale(page)];
			await page.getByRole('button', { name: t['account.everywhere_button'], exact: true }).click();
			await page.getByRole('dialog').getByRole('button', { name: t['account.everywhere_confirm'] }).click();
			await expect(page).toHaveURL(/\/login$/);

			await other.page.reload();
			await expect(other.page).toHaveURL(/\/login\?redirectTo=%2Fhelping$/);
		} finally {
			await other.context.close();
		}
	});
});

test.describe('sign-in throttle', () => {
	// caseworker3 is locked for 15 minutes after this; no other test signs in as caseworker3.
	const ACCOUNT = 'caseworker3';

	test('five wrong passwords lock the account: the sixth attempt gets 429 and a localised message', async ({
		page,
		browser
	}) => {
		await page.goto('/login');
		const t = MESSAGES[await pageLocale(page)];
		const alert = page.getByRole('main').getByRole('alert');
		for (let attempt = 1; attempt <= 5; attempt++) {
			await submitLogin(page, ACCOUNT, `wrong-${attempt}`);
			await expect(alert).toHaveText(t['auth.invalid_credentials']);
			// Wait until the form can be sent again.
			await expect(page.getByRole('main').getByRole('button', { name: t['auth.sign_in'] })).toBeEnabled();
		}

		// The sixth attempt, even with the right password, is refused. With JavaScript the form posts through
		// fetch, so the HTTP status is inside SvelteKit's action result.
		const actionResponse = page.waitForResponse(
			(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'
		);
		await submitLogin(page, ACCOUNT, DEMO_PASSWORD);
		const result = (await (await actionResponse).json()) as { type: string; status: number };
		expect(result).toMatchObject({ type: 'failure', status: 429 });
		const throttled = fill(t['auth.throttled_other'], { count: 15 });
		await expect(alert).toHaveText(throttled);
		await expect(alert).toContainText('15');
		await expect(page).toHaveURL(/\/login/);

		// Without JavaScript it is a plain form post: the refusal comes back by redirect to /login (so a reload does
		// not post the password again), and that page answers 429.
		const noScript = await browser.newContext({ javaScriptEnabled: false });
		try {
			const plain = await noScript.newPage();
			await plain.goto('/login');
			const tPlain = MESSAGES[await pageLocale(plain)];
			await plain.getByLabel(tPlain['auth.username']).fill(ACCOUNT);
			await plain.getByLabel(tPlain['auth.password'], { exact: true }).fill(DEMO_PASSWORD);
			const [response] = await Promise.all([
				plain.waitForResponse((r) => r.request().method() === 'GET' && new URL(r.url()).pathname === '/login'),
				plain.getByRole('main').getByRole('button', { name: tPlain['auth.sign_in'] }).click()
			]);
			expect(response.status()).toBe(429);
			await expect(plain.getByRole('main').getByRole('alert')).toHaveText(pattern(tPlain['auth.throttled_other']));
			await expect(plain.getByRole('main').getByRole('alert')).toContainText('15');
		} finally {
			await noScript.close();
		}
	});
});
