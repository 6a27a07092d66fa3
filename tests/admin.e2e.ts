import { expect, test } from '@playwright/test';
import { de, signedInContext, signIn } from './helpers';

// Staff in Baden-Württemberg: a German browser.
test.use({ locale: 'de-DE' });

test('the admin creates an organisation and a caseworker, who can then sign in', async ({ page, browser }) => {
	await signIn(page, 'admin');
	await expect(page).toHaveURL(/\/admin\/users$/);

	await page.getByRole('link', { name: de['nav.organisations'] }).click();
	await page.getByLabel(de['admin.name'], { exact: true }).fill('Diakonie Strohgäu');
	await page.getByLabel(de['admin.kind']).selectOption('welfare');
	await page.getByRole('button', { name: de['admin.create'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['admin.organisation_created']);
	await expect(page.getByRole('cell', { name: 'Diakonie Strohgäu' })).toBeVisible();

	await page.getByRole('link', { name: de['nav.users'] }).click();
	await page.getByRole('main').getByRole('link', { name: de['admin.new_user'] }).click();
	await page.getByLabel(de['admin.name'], { exact: true }).fill('Nadia Rahman');
	await page.getByLabel(de['auth.username']).fill('nadia.rahman');
	await page.getByLabel(de['admin.role']).selectOption('caseworker');
	// A caseworker without an organisation is refused, and what was typed stays.
	await page.getByLabel(de['admin.initial_password']).fill('start-passwort-1');
	await page.getByRole('button', { name: de['admin.create'] }).click();
	await expect(page.getByRole('alert')).toHaveText(de['admin.organisation_required']);
	await expect(page.getByLabel(de['auth.username'])).toHaveValue('nadia.rahman');

	await page.getByLabel(de['admin.organisation']).selectOption({ label: 'Diakonie Strohgäu' });
	await page.getByLabel(de['admin.initial_password']).fill('start-passwort-1');
	await page.getByRole('button', { name: de['admin.create'] }).click();
	await expect(page).toHaveURL(/\/admin\/users$/);
	await expect(page.getByRole('row', { name: /nadia\.rahman/ })).toContainText('Diakonie Strohgäu');

	const other = await browser.newContext({ locale: 'de-DE' });
	const newcomer = await other.newPage();
	await signIn(newcomer, 'nadia.rahman', 'start-passwort-1');
	await expect(newcomer).toHaveURL(/\/caseload$/);
	await expect(newcomer.getByText(de['caseload.empty'])).toBeVisible();
	await other.close();
});

test('deactivating a user signs them out at once, everywhere', async ({ page, browser }) => {
	const volunteer = await signedInContext(browser, 'volunteer2', { locale: 'de-DE' });
	await expect(volunteer.page).toHaveURL(/\/helping$/);

	await signIn(page, 'admin');
	const row = page.getByRole('row', { name: /volunteer2/ });
	await row.getByRole('button', { name: de['admin.deactivate'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['admin.user_deactivated']);
	await expect(page.getByRole('row', { name: /volunteer2/ })).toContainText(de['admin.inactive']);

	await volunteer.page.reload();
	await expect(volunteer.page).toHaveURL(/\/login/);
	// The old password no longer opens a session either.
	await volunteer.page.getByLabel(de['auth.username']).fill('volunteer2');
	await volunteer.page.getByLabel(de['auth.password'], { exact: true }).fill('tandem-demo');
	await volunteer.page.getByRole('main').getByRole('button', { name: de['auth.sign_in'] }).click();
	await expect(volunteer.page.getByRole('alert')).toHaveText(de['auth.invalid_credentials']);
	await volunteer.context.close();

	await page.getByRole('row', { name: /volunteer2/ }).getByRole('button', { name: de['admin.reactivate'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['admin.user_reactivated']);
});

test('staff and participants cannot open the admin pages', async ({ page }) => {
	await signIn(page, 'lead');
	const response = await page.goto('/admin/users');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: de['error.not_found'] })).toBeVisible();
});
