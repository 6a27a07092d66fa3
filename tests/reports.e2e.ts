import { expect, test, type Page } from '@playwright/test';
import { ar, de, expectDocumentLanguage, expectNoAxeViolations, fill, PHONE, signedInContext } from './helpers';

/** The ids behind the lead's scope switch: "cw:<id>" options named by the caseworker. */
async function caseworkerId(page: Page, name: string): Promise<string> {
	const value = await page.getByLabel(de['report.scope']).locator('option', { hasText: name }).getAttribute('value');
	return (value ?? '').replace('cw:', '');
}

test('the lead reads the year, switches to Sabine Keller and drills into her home visits', async ({ browser }) => {
	const { context, page } = await signedInContext(browser, 'lead', { locale: 'de-DE' });
	await page.goto('/reports');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(de['report.title']);
	// QA first, then the figures; the demo's closures of the year show as outcomes (seven with both snapshots).
	await expect(page.getByRole('heading', { name: de['report.qa_title'] })).toBeVisible();
	await expect(page.locator('.big')).toContainText(`${de['report.k9.pairs']}: 7`);
	const perCaseworker = page.getByRole('table', { name: de['report.by_caseworker'] });
	await expect(perCaseworker.getByRole('row', { name: /Sabine Keller/ })).toBeVisible();
	await expect(perCaseworker.getByRole('row', { name: /Leyla Aydin/ })).toBeVisible();
	await expectNoAxeViolations(page, 'report (lead)');

	await page.getByLabel(de['report.scope']).selectOption({ label: 'Sabine Keller' });
	await page.getByRole('button', { name: de['report.show'] }).click();
	await expect(page).toHaveURL(/scope=cw/);
	await expect(page.locator('.subtitle')).toContainText('Sabine Keller');
	const byForm = page.getByRole('table', { name: de['report.k2.by_form'] });
	const homeVisits = byForm.getByRole('row', { name: de['contact_form.home_visit'] }).getByRole('link');
	const count = Number(await homeVisits.innerText());
	expect(count).toBeGreaterThan(5);
	await homeVisits.click();

	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`${de['report.k2.by_form']}: ${de['contact_form.home_visit']}`
	);
	await expect(page.getByRole('status')).toHaveText(fill(de['report.records_total'], { count }));
	const rows = page.getByRole('table').locator('tbody tr');
	await expect(rows).toHaveCount(Math.min(count, 50));
	await expect(rows.first()).toContainText(de['contact_form.home_visit']);
	const person = rows.first().getByRole('link');
	await expect(person).toHaveAttribute('href', /^\/participants\/[\w-]+$/);
	await expectNoAxeViolations(page, 'records (lead)');
	await person.click();
	await expect(page).toHaveURL(/\/participants\/[\w-]+$/);
	await context.close();
});

test('a caseworker sees her own figures only; another caseworker’s are not found', async ({ browser }) => {
	const lead = await signedInContext(browser, 'lead', { locale: 'de-DE' });
	await lead.page.goto('/reports');
	const leyla = await caseworkerId(lead.page, 'Leyla Aydin');
	await lead.context.close();

	const { context, page } = await signedInContext(browser, 'caseworker', { locale: 'de-DE' });
	await page.goto('/reports');
	await expect(page.locator('.subtitle')).toContainText('Sabine Keller');
	await expect(page.getByLabel(de['report.scope'])).toHaveCount(0);
	// Another period: a range of days, by a plain GET form; a wrong one is refused with a message.
	await page.getByText(de['report.other_period']).click();
	await page.getByLabel(de['report.from']).fill('2026-03-01');
	await page.getByLabel(de['report.to']).fill('2026-03-31');
	await page.getByRole('button', { name: de['report.show_period'] }).click();
	await expect(page).toHaveURL(/from=2026-03-01&to=2026-03-31/);
	await expect(page.locator('.subtitle')).toContainText('1. März 2026 – 31. März 2026');
	await page.goto('/reports?from=2026-03-31&to=2026-03-01');
	await expect(page.getByRole('alert')).toHaveText(de['report.period_reversed']);
	expect((await page.goto(`/reports?caseworkerId=${leyla}`))?.status()).toBe(404);
	expect((await page.goto(`/reports/records?figure=k2.contacts&caseworkerId=${leyla}`))?.status()).toBe(404);
	await context.close();
});

test('the coordinator sees the county in aggregates only: no names, "< 5", no person and no records', async ({
	browser
}) => {
	const lead = await signedInContext(browser, 'lead', { locale: 'de-DE' });
	await lead.page.goto('/reports/records?figure=k1.atEnd');
	const personPath = await lead.page
		.getByRole('table')
		.locator('tbody tr')
		.first()
		.getByRole('link')
		.getAttribute('href');
	await lead.page.goto('/reports');
	const sabine = await caseworkerId(lead.page, 'Sabine Keller');
	await lead.context.close();

	const { context, page } = await signedInContext(browser, 'coordinator', { locale: 'de-DE' });
	await page.goto('/reports');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(de['report.title']);
	await expect(page.getByText(de['report.suppressed_note'])).toBeVisible();
	await expect(page.locator('main')).toContainText('< 5');
	const text = await page.locator('main').innerText();
	for (const name of ['Sabine Keller', 'Leyla Aydin', 'Amina']) expect(text).not.toContain(name);
	await expect(page.locator('main a[href*="/participants/"], main a[href*="/reports/records"]')).toHaveCount(0);
	await expectNoAxeViolations(page, 'report (coordinator)');

	await page.getByLabel(de['report.scope']).selectOption({ label: 'Stadt Ditzingen' });
	await page.getByRole('button', { name: de['report.show'] }).click();
	await expect(page.locator('.subtitle')).toContainText('Stadt Ditzingen');

	expect((await page.goto(personPath ?? '/participants/x'))?.status()).toBe(404);
	expect((await page.goto('/reports/records?figure=k2.contacts'))?.status()).toBe(404);
	expect((await page.goto(`/reports?caseworkerId=${sabine}`))?.status()).toBe(404);
	await context.close();
});

test('the report reads right to left in Arabic on a 360 px phone, with nothing wider than the screen', async ({
	browser
}) => {
	const { context, page } = await signedInContext(browser, 'lead', { locale: 'ar', ...PHONE });
	await page.goto('/reports');
	await expectDocumentLanguage(page, 'ar');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['report.title']);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page, 'report (ar, phone)');
	await page.goto('/reports/records?figure=k8.closures');
	await expectDocumentLanguage(page, 'ar');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectNoAxeViolations(page, 'records (ar, phone)');
	await context.close();
});

test('admins, volunteers and participants find no report', async ({ browser }) => {
	for (const username of ['admin', 'volunteer', 'participant']) {
		const { context, page } = await signedInContext(browser, username, { locale: 'de-DE' });
		expect((await page.goto('/reports'))?.status(), username).toBe(404);
		await context.close();
	}
});
