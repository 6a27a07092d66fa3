import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import readXlsxFile from 'read-excel-file/node';
import { ar, de, expectDocumentLanguage, expectNoAxeViolations, signedInContext, signIn } from './helpers';

// Staff work in German; the right-to-left checks open a second browser that asks for Arabic.
test.use({ locale: 'de-DE' });

const SHEETS = ['Personen', 'Ziele', 'Kontakte', 'Einschätzungen', 'Hinweise'];

/** Downloads this year's dataset from the evaluation page and reads it back with a reader of its own. */
async function downloadDataset(page: Page) {
	await page.goto('/reports/evaluation');
	await expect(page.getByRole('heading', { level: 1, name: de['evaluation.title'] })).toBeVisible();
	const year = String(new Date().getFullYear());
	await page.getByRole('combobox', { name: de['evaluation.year'] }).selectOption(year);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: de['evaluation.download_button'] }).click()
	]);
	expect(download.suggestedFilename()).toBe(`tandem-auswertung-${year}.xlsx`);
	const sheets = await readXlsxFile(await readFile((await download.path())!));
	expect(sheets.map((s) => s.sheet)).toEqual(SHEETS);
	return Object.fromEntries(sheets.map((s) => [s.sheet, s.data]));
}

test('the lead downloads the anonymised evaluation dataset of her organisation', async ({ page }) => {
	await signIn(page, 'lead');
	await page.goto('/reports/evaluation');
	await expectNoAxeViolations(page, '/reports/evaluation');
	const sheets = await downloadDataset(page);
	expect(sheets.Personen.length).toBeGreaterThan(1);
	expect(sheets.Personen[0]).toContain('Pseudonym');
	// Nothing identifying: the demo's showcase people are not in it by name.
	const all = JSON.stringify(sheets);
	for (const name of ['Al-Hassan', 'Tesfay', 'Ahmadi', 'Haddad']) expect(all).not.toContain(name);
});

test('the county coordinator downloads the county’s dataset', async ({ page }) => {
	await signIn(page, 'coordinator');
	const sheets = await downloadDataset(page);
	expect(sheets.Personen.length).toBeGreaterThan(1);
});

test('a caseworker gets not found for the evaluation page and its download', async ({ page }) => {
	await signIn(page, 'caseworker');
	expect((await page.goto('/reports/evaluation'))?.status()).toBe(404);
	const year = new Date().getFullYear();
	expect((await page.request.get(`/reports/evaluation/download?year=${year}`)).status()).toBe(404);
});

test('the admin sees what is anonymised next month, without case data, and sets a retention period', async ({
	page
}) => {
	await signIn(page, 'admin');
	await page.goto('/admin/retention');
	await expect(page.getByRole('heading', { level: 1, name: de['retention.title'] })).toBeVisible();
	await expectNoAxeViolations(page, '/admin/retention');
	// The demo's two Caritas cases closed almost three years ago, counted without any case data.
	const byOrganisation = page.getByRole('region', { name: de['retention.by_organisation'] });
	await expect(byOrganisation.getByRole('row', { name: /Caritas Ludwigsburg\s*3\s*2/ })).toBeVisible();
	await expect(page.getByRole('region', { name: de['retention.list'] }).getByRole('row')).toHaveCount(3);
	await page.goto('/admin/organisations');
	await expectNoAxeViolations(page, '/admin/organisations');
	const field = page.getByRole('spinbutton', { name: /^Aufbewahrung nach Abschluss in Jahren: .?Gemeinde Hemmingen/ });
	// The browser refuses 11 before sending; the server's own check is the same range (organisations module).
	await field.evaluate((input) => input.removeAttribute('max'));
	await field.fill('11');
	await field.locator('xpath=ancestor::form').getByRole('button', { name: de['form.save'] }).click();
	await expect(page.getByText(de['admin.retention_invalid'])).toBeVisible();
	await field.fill('4');
	await field.locator('xpath=ancestor::form').getByRole('button', { name: de['form.save'] }).click();
	await expect(page.getByText(de['admin.retention_saved'])).toBeVisible();
	await expect(
		page.getByRole('spinbutton', { name: /^Aufbewahrung nach Abschluss in Jahren: .?Gemeinde Hemmingen/ })
	).toHaveValue('4');
});

test('the lead’s list of cases due for anonymisation', async ({ page }) => {
	await signIn(page, 'lead');
	await page.goto('/team/retention');
	await expect(page.getByRole('heading', { level: 1, name: de['retention.title'] })).toBeVisible();
	await expectNoAxeViolations(page, '/team/retention');
	// Martina Schulz leads the county: Caritas' cases are not hers to see.
	await expect(page.getByText(de['retention.none_due'])).toBeVisible();
});

test('the new pages fit a 360 px phone', async ({ browser }) => {
	for (const [username, path] of [
		['lead', '/reports/evaluation'],
		['lead', '/team/retention'],
		['admin', '/admin/retention']
	] as const) {
		const { context, page } = await signedInContext(browser, username, { viewport: { width: 360, height: 740 } });
		await page.goto(path);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(360);
		await context.close();
	}
});

test('the new pages read right to left in Arabic', async ({ browser }) => {
	for (const [username, path, heading] of [
		['lead', '/reports/evaluation', ar['evaluation.title']],
		['admin', '/admin/retention', ar['retention.title']]
	] as const) {
		const { context, page } = await signedInContext(browser, username, { locale: 'ar' });
		await page.goto(path);
		await expectDocumentLanguage(page, 'ar');
		await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
		await expectNoAxeViolations(page, `${path} (ar)`);
		await context.close();
	}
});
