import { expect, test, type Locator, type Page } from '@playwright/test';
import { de, expectNoAxeViolations, fa, fill, openPlanAsStaff, PHONE, signIn } from './helpers';

// Defects found while hardening (issue 11), each as the user saw it.
// This file adds office hours for Jonas Weber (caseworker2), whom no other test file uses for office hours,
// adds and deletes goals of the first participant in his caseload, and only reads Zahra's documents; it adds
// one office-hour slot of Sabine's 30 days ahead at 06:00, and Zahra's own appointment and booking at that time.
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
	await signIn(page, 'caseworker2');
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

/** Jonas's first participant's plan, with a new goal of her own on it; returns the goal's page. */
async function newGoalOfJonas(page: Page, title: string): Promise<string> {
	await page.goto('/caseload');
	await page.getByRole('main').getByRole('list').getByRole('link').first().click();
	await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
	await page.getByRole('main').getByRole('link', { name: de['plan.open_plan'], exact: true }).click();
	await page.getByRole('link', { name: de['plan.add_goal'] }).click();
	await page.getByRole('textbox', { name: de['plan.goal_title'], exact: true }).fill(title);
	await page.getByRole('combobox', { name: de['plan.field'], exact: true }).selectOption('housing');
	await page.getByRole('button', { name: de['plan.add_goal'] }).click();
	await expect(page).toHaveURL(/\/plan(\?|$)/);
	await page.getByRole('main').getByRole('article').filter({ hasText: title }).getByRole('link').first().click();
	await expect(page).toHaveURL(/\/goals\/[0-9a-f-]{36}$/);
	return page.url();
}

async function expectTouchSize(target: Locator) {
	const box = await target.boundingBox();
	expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
	expect(box?.width ?? 0).toBeGreaterThanOrEqual(44);
}

test('deleting a goal asks once in a dialog: Escape and "No" keep it, "Yes" deletes it', async ({ page }) => {
	await signIn(page, 'caseworker2');
	const TITLE = 'Wohnungsbesichtigung vorbereiten (Löschprobe)';
	const goalUrl = await newGoalOfJonas(page, TITLE);
	await page.waitForLoadState('networkidle');

	const trigger = page.getByRole('button', { name: de['plan.delete_goal'], exact: true });
	const dialog = page.getByRole('dialog', { name: de['plan.delete_goal'] });
	await expectTouchSize(trigger);
	await trigger.click();
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText(de['plan.delete_goal_question']);
	// The safe answer has the focus, so a stray Enter destroys nothing.
	await expect(dialog.getByRole('button', { name: de['confirm.back'] })).toBeFocused();
	await expectTouchSize(dialog.getByRole('button', { name: de['plan.delete_goal_confirm'] }));
	await expectNoAxeViolations(page, 'goal page with the delete dialog (de)');
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
	await expect(trigger).toBeFocused();

	await page.keyboard.press('Enter');
	await expect(dialog).toBeVisible();
	await page.keyboard.press('Enter');
	await expect(dialog).toBeHidden();
	await expect(page).toHaveURL(goalUrl);

	await trigger.click();
	await dialog.getByRole('button', { name: de['plan.delete_goal_confirm'] }).click();
	await expect(page.getByRole('status').filter({ hasText: de['plan.done_deleted'] })).toBeVisible();
	await expect(page.getByRole('main').getByRole('article').filter({ hasText: TITLE })).toHaveCount(0);
});

test('a participant on a phone in Persian is asked before a document is deleted (rtl, axe clean)', async ({
	browser
}) => {
	const context = await browser.newContext({ ...PHONE });
	const z = await context.newPage();
	await signIn(z, 'participant.fa');
	await z.goto('/documents');
	await z.getByRole('main').getByRole('link', { name: 'پاسپورت' }).first().click();
	await z.waitForLoadState('networkidle');
	await z.getByRole('button', { name: fa['documents.delete'], exact: true }).click();
	const dialog = z.getByRole('dialog', { name: fa['documents.delete'] });
	await expect(dialog).toContainText(fa['documents.delete_warning']);
	await expectNoAxeViolations(z, 'document delete dialog (fa)');
	await dialog.getByRole('button', { name: fa['confirm.back'] }).click();
	await expect(dialog).toBeHidden();
	await z.reload();
	await expect(z.getByRole('heading', { level: 1, name: 'پاسپورت' })).toBeVisible();
	await context.close();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('deleting a goal takes a first tap that shows what happens, and a second that does it', async ({ page }) => {
		await signIn(page, 'caseworker2');
		const TITLE = 'Mietvertrag prüfen lassen (Löschprobe ohne JS)';
		await newGoalOfJonas(page, TITLE);
		const confirm = page.getByRole('button', { name: de['plan.delete_goal_confirm'] });
		await expect(confirm).toBeHidden();
		await page.getByText(de['plan.delete_goal'], { exact: true }).click();
		await expect(page.getByText(de['plan.delete_goal_question'])).toBeVisible();
		await confirm.click();
		await expect(page.getByRole('status').filter({ hasText: de['plan.done_deleted'] })).toBeVisible();
		await expect(page.getByRole('main').getByRole('article').filter({ hasText: TITLE })).toHaveCount(0);
	});
});

test('a slot at the time of another appointment is marked, and booking it asks once more', async ({
	page,
	browser
}) => {
	const date = isoInDays(30);
	const TITLE = 'دندانپزشک (آزمون هم‌زمانی)';
	await signIn(page, 'caseworker');
	await page.goto('/office-hours');
	await page.getByLabel(de['appointments.date'], { exact: true }).fill(date);
	await page.getByLabel(de['appointments.start'], { exact: true }).fill('06:00');
	await page.getByLabel(de['appointments.end'], { exact: true }).fill('07:00');
	await page.getByRole('combobox', { name: de['appointments.slot_length'] }).selectOption('30');
	await page.getByRole('button', { name: de['appointments.office_hours_add'] }).click();
	await expect(page.getByRole('status')).toHaveText(fill(de['appointments.office_hours_added_other'], { count: 2 }));

	const context = await browser.newContext({ ...PHONE });
	const z = await context.newPage();
	await signIn(z, 'participant.fa');
	await z.goto('/appointments');
	await z.getByRole('link', { name: fa['appointments.add_own'], exact: true }).click();
	await z
		.getByRole('combobox', { name: fa['appointments.kind'] })
		.selectOption({ label: fa['appointments.kind_doctor'] });
	await z.getByRole('textbox', { name: fa['appointments.title_field'] }).fill(TITLE);
	await z.getByLabel(fa['appointments.date'], { exact: true }).fill(date);
	await z.getByLabel(fa['appointments.start'], { exact: true }).fill('06:00');
	await z.getByLabel(fa['appointments.end'], { exact: true }).fill('06:30');
	await z.getByRole('button', { name: fa['appointments.save'] }).click();
	await expect(z).toHaveURL(/\/appointments\/[0-9a-f-]{36}\?done=created$/);
	const listPath = new URL(z.url()).pathname.replace(/\/[0-9a-f-]{36}$/, '');

	await z.goto(`${listPath}/book`);
	const more = z.getByText(fa['appointments.more_days'], { exact: true });
	if ((await more.count()) > 0) {
		await more.click();
	}
	// Only the 06:00 slot overlaps her appointment (06:00–06:30); 06:30 only touches it.
	const marked = z.getByRole('radio', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) });
	await expect(marked).toHaveCount(1);
	await marked.check();
	await z.getByRole('button', { name: fa['appointments.book_submit'] }).click();
	const warning = z.getByRole('alert');
	await expect(warning).toContainText(fa['appointments.slot_clash_question']);
	await expect(warning).toContainText(TITLE);
	await expect(z).toHaveURL(new RegExp(`${listPath}/book$`));
	await expect(marked).toBeChecked();
	await expectNoAxeViolations(z, 'booking page with the overlap warning (fa)');

	await z.getByRole('button', { name: fa['appointments.book_anyway'] }).click();
	await expect(z).toHaveURL(/\/appointments\/[0-9a-f-]{36}\?done=booked$/);
	await context.close();
});

test('before the scripts have loaded, the confirmation step is a disclosure that axe finds clean', async ({ page }) => {
	await signIn(page, 'caseworker2');
	const goalUrl = await newGoalOfJonas(page, 'Nebenkostenabrechnung verstehen (Prüfung ohne Skripte)');
	// The server's page as a slow phone has it before its scripts arrive; axe itself still runs.
	await page.route('**/_app/immutable/**', (route) =>
		route.request().resourceType() === 'script' ? route.abort() : route.fallback()
	);
	await page.goto(goalUrl);
	await page.getByText(de['plan.delete_goal'], { exact: true }).click();
	const confirm = page.getByRole('button', { name: de['plan.delete_goal_confirm'] });
	await expect(confirm).toBeVisible();
	await expectTouchSize(confirm);
	await expectNoAxeViolations(page, 'goal page, delete step open before scripts (de)');
	await confirm.click();
	await expect(page.getByText(de['plan.done_deleted'])).toBeVisible();
});
