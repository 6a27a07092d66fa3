import { expect, test, type Page } from '@playwright/test';
import { ar, expectDocumentLanguage, fill, LANGUAGE_NAMES, MESSAGES, pageLocale, PHONE, signIn } from './helpers';

const CODE_PATTERN = /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/;

/** The caseworker creates a new Arabic-speaking participant (no app account yet) and returns the record's id. */
async function createParticipant(page: Page, givenName: string, familyName: string): Promise<string> {
	await page.goto('/participants/new');
	const t = MESSAGES[await pageLocale(page)];
	await page.getByRole('textbox', { name: t['participant.given_name'], exact: true }).fill(givenName);
	await page.getByRole('textbox', { name: t['participant.family_name'], exact: true }).fill(familyName);
	await page.getByRole('combobox', { name: t['participant.residence_status'] }).selectOption('refugee');
	await page.getByRole('combobox', { name: t['participant.language'] }).selectOption('ar');
	await page.getByRole('combobox', { name: t['participant.town'] }).selectOption({ index: 1 });
	await page.getByRole('button', { name: t['participant.create'] }).click();
	await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}\?created=1$/);
	await expect(page.getByRole('status')).toHaveText(t['participant.created']);
	return new URL(page.url()).pathname.split('/')[2];
}

/** On the participant's page: open the invitation page, issue a code and read it off the page. */
async function issueCode(page: Page, participantId: string): Promise<string> {
	await page.goto(`/participants/${participantId}`);
	const t = MESSAGES[await pageLocale(page)];
	await page.getByRole('link', { name: t['invitation.issue'] }).click();
	await expect(page).toHaveURL(`/participants/${participantId}/invitation`);
	await page.getByRole('button', { name: t['invitation.issue'] }).click();
	const code = page.getByText(CODE_PATTERN);
	await expect(code).toBeVisible();
	await expect(page.getByRole('img', { name: t['invitation.qr_label'] })).toBeVisible();
	return (await code.innerText()).trim();
}

test.describe('activation on a phone, in Arabic', () => {
	test.use({ ...PHONE, locale: 'ar' });

	test('a caseworker issues a code; the participant activates their account with it exactly once', async ({
		browser
	}) => {
		const suffix = Date.now().toString(36);
		const givenName = 'Rania';

		// The caseworker, at the office (desktop, own browser).
		const office = await browser.newContext({
			viewport: { width: 1280, height: 800 },
			isMobile: false,
			hasTouch: false,
			deviceScaleFactor: 1,
			locale: 'de-DE'
		});
		const staff = await office.newPage();
		await signIn(staff, 'caseworker');
		const participantId = await createParticipant(staff, givenName, `Testfamilie-${suffix}`);
		const code = await issueCode(staff, participantId);
		await office.close();

		// The QR code's link: the code moves into a cookie and out of the address bar.
		const scanned = await browser.newContext();
		try {
			const scan = await scanned.newPage();
			const response = await scan.goto(`/activate?code=${code}`);
			expect(response?.status()).toBe(200);
			await expect(scan).toHaveURL(/\/activate$/);
			expect(scan.url()).not.toContain(code);
			await expect(scan.getByText(fill(ar['activate.hello'], { name: givenName }))).toBeVisible();
		} finally {
			await scanned.close();
		}

		// The participant's own phone, set to Arabic.
		const phone = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'ar' } });
		const page = await phone.newPage();
		expect(page.viewportSize()).toEqual({ width: 360, height: 740 });
		await page.goto('/activate');
		await expectDocumentLanguage(page, 'ar');
		await expect(page.getByRole('heading', { level: 1, name: ar['activate.title'] })).toBeVisible();
		await page.getByRole('textbox', { name: ar['activate.code_label'] }).fill(code.toLowerCase().replace('-', ' '));
		await page.getByRole('button', { name: ar['activate.continue'] }).click();

		// Step 2: the language. The switcher in the header has the same names, so look inside the page's main part.
		await expect(page.getByText(fill(ar['activate.hello'], { name: givenName }))).toBeVisible();
		await expect(page.getByRole('group', { name: ar['activate.choose_language'] })).toBeVisible();
		await page.getByRole('main').getByRole('button', { name: LANGUAGE_NAMES.ar, exact: true }).click();

		// Step 3: a full page in Arabic, right to left, with the privacy notice and the account form.
		await expect(page).toHaveURL(/\/activate\?step=account$/);
		await expectDocumentLanguage(page, 'ar');
		await expect(page.getByRole('heading', { level: 2, name: ar['privacy.title'] })).toBeVisible();
		await page.getByRole('textbox', { name: ar['auth.username'] }).fill(`rania.${suffix}`);
		await page.getByLabel(ar['auth.new_password'], { exact: true }).fill('sesam-oeffne-dich');
		await page.getByLabel(ar['auth.repeat_password'], { exact: true }).fill('sesam-oeffne-dich');
		await page.getByRole('checkbox', { name: ar['activate.privacy_confirm'] }).check();
		await page.getByRole('button', { name: ar['activate.finish'] }).click();

		await expect(page).toHaveURL(/\/home\?welcome=1$/);
		await expectDocumentLanguage(page, 'ar');
		await expect(page.getByRole('status').filter({ hasText: ar['home.welcome_new'] })).toBeVisible();
		await expect(
			page.getByRole('heading', { level: 1, name: fill(ar['home.greeting'], { name: givenName }) })
		).toBeVisible();
		await phone.close();

		// The code works once.
		const again = await browser.newContext({ extraHTTPHeaders: { 'Accept-Language': 'ar' } });
		try {
			const retry = await again.newPage();
			await retry.goto('/activate');
			await retry.getByRole('textbox', { name: ar['activate.code_label'] }).fill(code);
			await retry.getByRole('button', { name: ar['activate.continue'] }).click();
			await expect(retry.getByRole('main').getByRole('alert')).toHaveText(ar['activate.code_invalid']);
			await expect(retry).toHaveURL(/\/activate/);
		} finally {
			await again.close();
		}
	});
});
