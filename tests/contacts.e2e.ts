import { expect, test, type Page } from '@playwright/test';
import { ar, de, expectDocumentLanguage, expectNoAxeViolations, fill, PHONE, signedInContext, signIn } from './helpers';

// Staff work in German; Amina's account reads Arabic whatever the browser says.
test.use({ locale: 'de-DE' });

const UUID = '[0-9a-f-]{36}';

/** The German date `days` from today, as a date field wants it. */
function germanDate(days: number): string {
	const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
		new Date(Date.now() + days * 86_400_000)
	);
	return parts;
}

/**
 * A person from Sabine's caseload who is none of the showcase three (their appointments belong to other
 * journeys): the caseload's first row in name order outside those families. Returns the person's page path.
 */
async function someoneOnTheCaseload(page: Page): Promise<{ path: string; name: string }> {
	await page.goto('/caseload');
	const names = page.getByRole('main').getByRole('list').getByRole('link').filter({ hasText: /, / });
	const showcase = /^(Al-Hassan|Tesfay|Ahmadi),/;
	for (let i = 0; i < (await names.count()); i++) {
		const name = (await names.nth(i).innerText()).trim();
		if (showcase.test(name)) continue;
		const href = await names.nth(i).getAttribute('href');
		if (href !== null && new RegExp(`^/participants/${UUID}$`).test(href)) return { path: href, name };
	}
	throw new Error('no one on the caseload');
}

test('a caseworker marks her home visit done and documents it in three interactions', async ({ page }) => {
	await signIn(page, 'caseworker');
	const person = await someoneOnTheCaseload(page);
	// Setting the scene (not counted): yesterday's home visit, agreed and with Sabine taking part.
	await page.goto(`${person.path}/appointments/new`);
	await page
		.getByRole('combobox', { name: de['appointments.kind'] })
		.selectOption({ label: de['appointments.kind_home_visit'] });
	await page.getByLabel(de['appointments.date'], { exact: true }).fill(germanDate(-1));
	await page.getByLabel(de['appointments.start'], { exact: true }).fill('10:00');
	await page.getByLabel(de['appointments.end'], { exact: true }).fill('11:15');
	await page.getByRole('checkbox', { name: de['appointments.staff_takes_part'] }).check();
	// Only people who use the app are asked to answer; for them it was agreed by phone.
	const agreed = page.getByRole('checkbox', { name: de['appointments.agreed'] });
	if ((await agreed.count()) > 0) await agreed.check();
	await page.getByRole('button', { name: de['appointments.save'] }).click();
	await expect(page).toHaveURL(new RegExp(`/appointments/${UUID}\\?done=created$`));

	const appointmentPath = new URL(page.url()).pathname;
	let interactions = 0;
	// 1. "Done".
	await page.getByRole('button', { name: de['appointments.done'], exact: true }).click();
	interactions++;
	await expect(page).toHaveURL(new RegExp(`/contacts/new\\?appointment=${UUID}$`));
	await expect(page.getByText(de['contacts.prefilled_appointment'])).toBeVisible();
	// Pre-filled: yesterday, 10:00, 75 minutes, a home visit.
	await expect(page.getByLabel(de['contacts.date'], { exact: true })).toHaveValue(germanDate(-1));
	await expect(page.getByLabel(de['contacts.time'], { exact: true })).toHaveValue('10:00');
	await expect(page.getByLabel(de['contacts.duration'])).toHaveValue('75');
	await expect(page.getByRole('combobox', { name: de['contacts.form'] })).toHaveValue('home_visit');
	// 2. A topic.
	await page.getByRole('checkbox', { name: de['field.housing'], exact: true }).check();
	interactions++;
	// 3. Save.
	await page.getByRole('button', { name: de['contacts.save'] }).click();
	interactions++;
	await expect(page).toHaveURL(new RegExp(`${person.path}/contacts\\?done=recorded$`));
	await expect(page.getByRole('status').filter({ hasText: de['contacts.done_recorded'] })).toBeVisible();
	expect(interactions).toBeLessThanOrEqual(3);
	const newest = page.getByRole('main').locator('ol.contacts > li').first();
	await expect(newest).toContainText(de['contact_form.home_visit']);
	await expect(newest).toContainText(de['field.housing']);

	// The appointment now links to its contact; the pre-filled form's address leads there too (one per meeting).
	await page.goto(appointmentPath);
	const recorded = page.getByRole('link', { name: de['contacts.open_recorded'] });
	await expect(recorded).toBeVisible();
	const contactPath = await recorded.getAttribute('href');
	await page.goto(`${person.path}/contacts/new?appointment=${appointmentPath.split('/').at(-1)}`);
	await expect(page).toHaveURL(new RegExp(`${contactPath}$`));
});

test.describe('on a phone', () => {
	test.use(PHONE);

	test('an unplanned phone call is logged from the caseload row at 360 px', async ({ page }) => {
		await signIn(page, 'caseworker');
		await page.goto('/caseload');
		const log = page.getByRole('link', { name: new RegExp(`^${de['contacts.log']}\\s*: `) }).first();
		await log.click();
		await expect(page).toHaveURL(new RegExp(`/participants/${UUID}/contacts/new$`));
		// Defaults: now, a phone call, a follow-up, 15 minutes; the details stay folded on a phone.
		await page.getByRole('checkbox', { name: de['topic.benefits'], exact: true }).check();
		await page.getByRole('button', { name: de['contacts.save'] }).click();
		await expect(page).toHaveURL(/\/contacts\?done=recorded$/);
		const newest = page.getByRole('main').locator('ol.contacts > li').first();
		await expect(newest).toContainText(de['contact_form.phone']);
		await expect(newest).toContainText(de['contact_kind.follow_up']);
		await expect(newest).toContainText(fill(de['contacts.minutes_other'], { count: 15 }));
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width).toBeLessThanOrEqual(360);
	});

	test('Amina reads "our meetings" in Arabic, without staff notes', async ({ page }) => {
		await signIn(page, 'participant');
		await page.getByRole('link', { name: ar['nav.my_meetings'] }).first().click();
		await expect(page).toHaveURL(/\/my-case\/meetings$/);
		await expectDocumentLanguage(page, 'ar');
		await expect(page.getByRole('heading', { level: 1, name: ar['meetings.title'] })).toBeVisible();
		const meetings = page.getByRole('main').locator('ol.contacts > li');
		expect(await meetings.count()).toBeGreaterThan(5);
		await expect(meetings.first()).toContainText(/[\u0600-\u06FF]/);
		// Sabine's notes on her contacts are German staff notes: none reaches Amina's page.
		const text = await page.getByRole('main').innerText();
		for (const staffOnly of ['Kita-Anmeldung', 'Jobcenter erklärt', 'Sprachkurs B1', 'Elternabend', 'Sportverein']) {
			expect(text).not.toContain(staffOnly);
		}
		await expectNoAxeViolations(page, '/my-case/meetings (ar, phone)');
		// Staff pages stay closed to her.
		const response = await page.goto(`${new URL(page.url()).origin}/networking`);
		expect(response?.status()).toBe(404);
	});
});

test('contact pages and networking pass axe in German and Farsi', async ({ browser }) => {
	// Eight pages through axe on a shared two-core machine.
	test.setTimeout(120_000);
	// Each language from the browser's own setting: switching in the app would save a choice on Sabine's
	// account, and every later journey would read her pages in it.
	let pages: string[] = [];
	for (const locale of ['de', 'fa'] as const) {
		const { context, page } = await signedInContext(browser, 'caseworker', {
			locale: locale === 'de' ? 'de-DE' : 'fa-IR'
		});
		try {
			if (pages.length === 0) {
				const person = await someoneOnTheCaseload(page);
				await page.goto(`${person.path}/contacts`);
				await page.getByRole('main').locator('ol.contacts > li a').first().click();
				await expect(page).toHaveURL(new RegExp(`/contacts/${UUID}$`));
				const detail = new URL(page.url()).pathname;
				pages = [`${person.path}/contacts`, `${person.path}/contacts/new`, detail, '/networking'];
			}
			for (const path of pages) {
				await page.goto(path);
				await expectDocumentLanguage(page, locale);
				await page.locator('details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
				await expectNoAxeViolations(page, `${path} (${locale})`);
			}
		} finally {
			await context.close();
		}
	}
});

test('a networking call is logged and counted in the month', async ({ page }) => {
	await signIn(page, 'caseworker');
	await page.getByRole('link', { name: de['nav.networking'] }).first().click();
	await expect(page.getByRole('heading', { level: 1, name: de['networking.title'] })).toBeVisible();
	await page
		.getByRole('combobox', { name: de['networking.group'] })
		.selectOption({ label: de['networking_group.employers'] });
	await page.getByLabel(de['contacts.duration']).fill('0');
	await page.getByRole('button', { name: de['contacts.save'] }).click();
	await expect(page.getByText(de['contacts.duration_invalid'])).toBeVisible();
	await page.getByLabel(de['contacts.duration']).fill('25');
	await page.getByRole('textbox', { name: de['networking.note'] }).fill('Bäckerei Maier: Praktikumsplatz');
	await page.getByRole('button', { name: de['contacts.save'] }).click();
	await expect(page).toHaveURL(/\/networking\?done=recorded$/);
	await expect(page.getByRole('main').getByText('Bäckerei Maier: Praktikumsplatz')).toBeVisible();
});
