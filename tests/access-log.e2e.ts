import { expect, test } from '@playwright/test';
import { expectDocumentLanguage, fa, PHONE, signedInContext, signIn } from './helpers';

const PAGE_SIZE = 50;

// Zahra's caseworker opens her record more often than one page of "who saw my data" holds; Zahra, on a phone
// without JavaScript, pages back to the oldest look and forward again.
test('a participant pages through every entry of who saw her data, also without JavaScript', async ({ browser }) => {
	const staff = await signedInContext(browser, 'caseworker');
	await staff.page.goto('/caseload?q=Ahmadi');
	await staff.page
		.getByRole('main')
		.getByRole('list')
		.getByRole('link', { name: 'Ahmadi, Zahra', exact: true })
		.click();
	await expect(staff.page.getByRole('heading', { level: 1 })).toContainText('Zahra');
	const record = staff.page.url();
	for (let i = 0; i < PAGE_SIZE + 10; i++) {
		expect((await staff.page.request.get(record)).ok()).toBe(true);
	}
	await staff.context.close();

	const phone = await browser.newContext({ ...PHONE, javaScriptEnabled: false });
	const zahra = await phone.newPage();
	await signIn(zahra, 'participant.fa');
	await zahra.goto('/my-data/access');
	await expectDocumentLanguage(zahra, 'fa');
	const entries = zahra.getByRole('main').getByRole('list').getByRole('listitem');
	const older = zahra.getByRole('link', { name: fa['rights.older_entries'] });
	const newer = zahra.getByRole('link', { name: fa['rights.newer_entries'] });

	await expect(entries).toHaveCount(PAGE_SIZE);
	await expect(entries.first()).toContainText('Sabine Keller');
	await expect(newer).toHaveCount(0);
	let seen = PAGE_SIZE;
	let pages = 1;
	while ((await older.count()) > 0) {
		await older.click();
		await expect(zahra).toHaveURL(/\?cursor=[\w.-]+$/);
		await expect(newer).toBeVisible();
		const n = await entries.count();
		expect(n).toBeGreaterThan(0);
		expect(n).toBeLessThanOrEqual(PAGE_SIZE);
		seen += n;
		pages += 1;
	}
	expect(pages).toBeGreaterThan(1);
	expect(seen).toBeGreaterThan(PAGE_SIZE + 10);

	for (let back = 1; back < pages; back++) {
		await newer.click();
		await expect(zahra).toHaveURL(/\?cursor=[\w.-]+$/);
		await expect(older).toBeVisible();
	}
	await expect(entries).toHaveCount(PAGE_SIZE);
	await expect(newer).toHaveCount(0);

	// A cursor the server did not write shows the newest entries, not an error.
	await zahra.goto('/my-data/access?cursor=%0Aabc');
	await expect(entries).toHaveCount(PAGE_SIZE);
	await expect(zahra.getByRole('heading', { level: 1, name: fa['error.unexpected'] })).toHaveCount(0);
	await phone.close();
});
