import { expect, test } from '@playwright/test';
import { de, fill, signedInContext, signIn } from './helpers';

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
	await expect(page.getByRole('cell', { name: 'Diakonie Strohgäu', exact: true })).toBeVisible();
	// After this many weeks without a contact a case shows in the work queue: one setting per organisation.
	const gap = page.getByLabel(fill(de['admin.contact_gap_for'], { name: 'Diakonie Strohgäu' }));
	await expect(gap).toHaveValue('6');
	await gap.fill('4');
	await gap.locator('xpath=ancestor::form').getByRole('button', { name: de['form.save'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['admin.contact_gap_saved']);
	await expect(gap).toHaveValue('4');

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
	// A caseworker starts on the work queue; with no cases yet nothing waits.
	await expect(newcomer).toHaveURL(/\/today$/);
	await expect(newcomer.getByText(de['today.all_clear'])).toBeVisible();
	await newcomer.getByRole('link', { name: de['today.to_caseload'] }).click();
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

	await page
		.getByRole('row', { name: /volunteer2/ })
		.getByRole('button', { name: de['admin.reactivate'] })
		.click();
	await expect(page.getByRole('status')).toHaveText(de['admin.user_reactivated']);
});

test('staff and participants cannot open the admin pages', async ({ page }) => {
	await signIn(page, 'lead');
	const response = await page.goto('/admin/users');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: de['error.not_found'] })).toBeVisible();
});

test('the admin extends the goal catalogue in every language, and caseworkers can pick the new goal', async ({
	page,
	browser
}) => {
	await signIn(page, 'admin');
	await page.getByRole('link', { name: de['nav.catalogue'] }).click();
	await page.getByLabel(de['plan.field']).selectOption('social');
	const texts = {
		Deutsch: 'Im Chor singen',
		English: 'Sing in a choir',
		العربية: 'الغناء في جوقة',
		فارسی: 'آواز خواندن در گروه کُر',
		ትግርኛ: 'ኣብ ጉጅለ መዘምራን ምዝማር'
	};
	// A missing language is refused: a catalogue goal must be readable by everyone.
	await page.getByLabel('Deutsch', { exact: true }).fill(texts.Deutsch);
	// The browser would stop this already; the server must refuse it too.
	await page.evaluate(() => document.querySelectorAll('[required]').forEach((el) => el.removeAttribute('required')));
	await page.getByRole('button', { name: de['admin.create'] }).click();
	await expect(page.getByRole('alert')).toHaveText(de['form.check_fields']);
	for (const [language, text] of Object.entries(texts)) await page.getByLabel(language, { exact: true }).fill(text);
	await page.getByRole('button', { name: de['admin.create'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['admin.catalogue_added']);

	const other = await browser.newContext({ locale: 'de-DE' });
	const caseworker = await other.newPage();
	await signIn(caseworker, 'caseworker');
	await caseworker.goto('/caseload?q=Tesfay');
	await caseworker.getByRole('link', { name: 'Tesfay, Selam' }).click();
	await caseworker.getByRole('link', { name: de['plan.open_plan'] }).click();
	await caseworker.getByRole('link', { name: de['plan.add_goal'] }).click();
	await caseworker.getByLabel(de['plan.from_catalogue']).selectOption({ label: 'Im Chor singen' });
	await caseworker.getByRole('main').getByRole('button', { name: de['plan.add_goal'] }).click();
	await expect(caseworker.getByRole('status')).toHaveText(de['plan.done_goal_added']);
	await other.close();

	// Selam reads the same goal in Tigrinya.
	const phone = await browser.newContext();
	const selam = await phone.newPage();
	await signIn(selam, 'participant.ti');
	await selam.goto('/plan');
	await expect(selam.getByRole('heading', { name: texts['ትግርኛ'] })).toBeVisible();
	await phone.close();
});

test('the admin sees staff accounts, and participants only as a number per organisation', async ({ page }) => {
	await signIn(page, 'admin');
	await expect(page.getByRole('row', { name: /caseworker2/ })).toBeVisible();
	await expect(page.getByText('Amina Al-Hassan')).toHaveCount(0);
	await expect(page.getByRole('row', { name: /participant/ })).toHaveCount(0);
	await expect(page.getByRole('heading', { name: de['admin.participants_per_organisation'] })).toBeVisible();
	await expect(page.getByRole('row', { name: /Landkreis Ludwigsburg\s+\d+/ })).toBeVisible();
});
