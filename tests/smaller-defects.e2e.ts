import { expect, test } from '@playwright/test';
import { de, fill, openPlanAsStaff, signIn } from './helpers';

// Defects found while hardening (issue 11), each as the user saw it.
// This file adds office hours for Leyla Aydin (caseworker3), whom no other test file uses for office hours,
// and only reads Zahra's documents.
test.use({ locale: 'de-DE' });

const TZ = 'Europe/Berlin';
const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
function isoInDays(days: number): string {
	const [y, m, d] = berlinToday().split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

test('a document’s validity reads once: “Gültigkeit: gültig bis …”, not “Gültig bis | gültig bis …”', async ({
	page
}) => {
	await signIn(page, 'caseworker');
	const planPath = await openPlanAsStaff(page, 'Ahmadi', 'Ahmadi, Zahra');
	await page.goto(planPath.replace(/\/plan$/, '/documents'));
	await page.getByRole('main').getByRole('link', { name: 'پاسپورت' }).first().click();
	await expect(page.getByRole('term').filter({ hasText: de['documents.validity'] })).toHaveCount(1);
	const text = (await page.locator('dl').first().innerText()).toLocaleLowerCase('de');
	expect(text.split('gültig bis').length - 1, text).toBe(1);
});

test('office hours that already exist are not "0 added" in a success box, but a notice that nothing new was added', async ({
	page
}) => {
	await signIn(page, 'caseworker3');
	await page.goto('/office-hours');
	const date = isoInDays(20);
	const addTwoSlots = async () => {
		await page.getByLabel(de['appointments.date'], { exact: true }).fill(date);
		await page.getByLabel(de['appointments.start'], { exact: true }).fill('07:00');
		await page.getByLabel(de['appointments.end'], { exact: true }).fill('08:00');
		await page.getByRole('combobox', { name: de['appointments.slot_length'] }).selectOption('30');
		await page.getByRole('button', { name: de['appointments.office_hours_add'] }).click();
	};

	await addTwoSlots();
	await expect(page.getByRole('status')).toHaveText(fill(de['appointments.office_hours_added_other'], { count: 2 }));
	await expect(page.locator('.alert.success')).toHaveCount(1);

	await addTwoSlots();
	const notice = page.getByRole('status');
	await expect(notice).toHaveText(fill(de['appointments.office_hours_nothing_added_other'], { count: 2 }));
	await expect(notice).not.toContainText('0');
	await expect(page.locator('.alert.success')).toHaveCount(0);

	// One hour longer: two new slots, and a word about the two that were there already.
	await page.getByLabel(de['appointments.date'], { exact: true }).fill(date);
	await page.getByLabel(de['appointments.start'], { exact: true }).fill('07:00');
	await page.getByLabel(de['appointments.end'], { exact: true }).fill('09:00');
	await page.getByRole('button', { name: de['appointments.office_hours_add'] }).click();
	await expect(page.getByRole('status')).toHaveText(
		`${fill(de['appointments.office_hours_added_other'], { count: 2 })} ${fill(de['appointments.office_hours_some_existed_other'], { count: 2 })}`
	);
});
