import { expect, test, type Locator, type Page } from '@playwright/test';
import { RESIDENCE_STATUSES } from '../src/lib/domain';
import { de as t, fill, pattern, signedInContext, signIn } from './helpers';

// German, the staff's everyday language.
test.use({ locale: 'de-DE' });

const cases = (page: Page): Locator => page.getByRole('main').getByRole('list').getByRole('listitem');
const caseLink = (page: Page, name: string): Locator => cases(page).getByRole('link', { name, exact: true });

async function applyFilters(page: Page) {
	await page.getByRole('button', { name: t['caseload.apply'] }).click();
	await page.waitForURL(/\/caseload\?/);
}

test('a caseworker finds a participant by name, filters by residence status and opens the record', async ({ page }) => {
	await signIn(page, 'caseworker');
	// She starts on her work queue; the caseload is one click away.
	await expect(page.getByRole('heading', { level: 1, name: t['today.title'] })).toBeVisible();
	await page.getByRole('link', { name: t['today.to_caseload'] }).click();
	await expect(page.getByRole('heading', { level: 1, name: t['caseload.title'] })).toBeVisible();

	await page.getByRole('searchbox', { name: t['caseload.search'] }).fill('Al-Hassan');
	await applyFilters(page);
	await expect(page).toHaveURL(/[?&]q=Al-Hassan/);
	const amina = caseLink(page, 'Al-Hassan, Amina');
	await expect(amina).toBeVisible();
	for (const row of await cases(page).all()) await expect(row).toContainText('Al-Hassan');

	// Her residence status, as the list shows it (the longest matching label, in case one contains another).
	const rowText = await cases(page)
		.filter({ has: page.getByRole('link', { name: 'Al-Hassan, Amina', exact: true }) })
		.innerText();
	const status = RESIDENCE_STATUSES.filter((s) => rowText.includes(t[`residence_status.${s}`])).sort(
		(a, b) => t[`residence_status.${b}`].length - t[`residence_status.${a}`].length
	)[0];
	expect(status, `a residence status in "${rowText}"`).toBeDefined();
	const statusFilter = page.getByRole('combobox', { name: t['participant.residence_status'] });

	// Another status hides her.
	const other = RESIDENCE_STATUSES.find((s) => s !== status) ?? 'refugee';
	await statusFilter.selectOption(other);
	await applyFilters(page);
	await expect(page).toHaveURL(new RegExp(`[?&]status=${other}`));
	await expect(amina).toBeHidden();

	// Her own status shows her, and every row shown has that status.
	await statusFilter.selectOption(status);
	await applyFilters(page);
	await expect(page).toHaveURL(new RegExp(`[?&]status=${status}`));
	await expect(amina).toBeVisible();
	for (const row of await cases(page).all()) await expect(row).toContainText(t[`residence_status.${status}`]);

	await amina.click();
	await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1, name: 'Amina Al-Hassan' })).toBeVisible();
	await expect(page.getByRole('definition').filter({ hasText: 'Sabine Keller' })).toBeVisible();
});

test("a caseworker gets 'not found' for a participant of another organisation", async ({ page, browser }) => {
	// caseworker2 works for Caritas: read one of their participants' addresses.
	const caritas = await signedInContext(browser, 'caseworker2');
	let href: string | null;
	try {
		await expect(caritas.page).toHaveURL(/\/today$/);
		await caritas.page.goto('/caseload');
		const first = cases(caritas.page).getByRole('link').first();
		href = await first.getAttribute('href');
	} finally {
		await caritas.context.close();
	}
	expect(href).toMatch(/^\/participants\/[0-9a-f-]{36}$/);

	await signIn(page, 'caseworker');
	const response = await page.goto(href!);
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: t['error.not_found'] })).toBeVisible();
	// The invitation page behind it is closed too.
	const invitation = await page.goto(`${href}/invitation`);
	expect(invitation?.status()).toBe(404);
});

test('the team lead assigns an unassigned participant to a caseworker', async ({ page }) => {
	await signIn(page, 'lead');
	await page
		.getByRole('combobox', { name: t['participant.caseworker'] })
		.selectOption({ label: t['caseload.unassigned'] });
	await applyFilters(page);
	await expect(page).toHaveURL(/[?&]caseworker=none/);
	const first = cases(page).first();
	await expect(first).toContainText(t['caseload.unassigned']);
	// The person's name (each row also offers "log contact").
	const link = first.getByRole('link', { name: /, / });
	const href = await link.getAttribute('href');
	await link.click();
	await expect(page).toHaveURL(href!);

	const form = page
		.getByRole('main')
		.locator('form')
		.filter({ has: page.getByRole('heading', { name: t['participant.assign_title'] }) });
	await form.getByRole('combobox', { name: t['participant.caseworker'] }).selectOption({ label: 'Leyla Aydin' });
	await form.getByRole('button', { name: t['participant.assign'] }).click();

	await expect(page).toHaveURL(`${href}?assigned=1`);
	await expect(page.getByRole('status')).toHaveText(t['participant.assigned']);
	await expect(page.getByRole('definition').filter({ hasText: 'Leyla Aydin' })).toBeVisible();

	// No longer in the unassigned list.
	await page.goto('/caseload?caseworker=none');
	await expect(page.getByRole('heading', { level: 1, name: t['caseload.title'] })).toBeVisible();
	await expect(page.getByRole('main').locator(`a[href="${href}"]`)).toHaveCount(0);
});

test.describe('creating a participant: validation keeps what was typed', () => {
	/** Lets the form reach the server with values the browser itself would refuse to send. */
	async function skipBrowserValidation(page: Page) {
		await page
			.getByRole('main')
			.locator('form')
			.evaluate((form: HTMLFormElement) => {
				form.noValidate = true;
			});
	}

	test('an empty given name and a far too long family name are refused by the server', async ({ page }) => {
		await signIn(page, 'caseworker');
		await page.goto('/participants/new');
		const givenName = page.getByRole('textbox', { name: t['participant.given_name'], exact: true });
		const familyName = page.getByRole('textbox', { name: t['participant.family_name'], exact: true });
		const status = page.getByRole('combobox', { name: t['participant.residence_status'] });
		const language = page.getByRole('combobox', { name: t['participant.language'] });
		const town = page.getByRole('combobox', { name: t['participant.town'] });
		const district = page.getByRole('textbox', { name: t['participant.district'], exact: true });
		const phone = page.getByRole('textbox', { name: t['participant.phone'], exact: true });

		await familyName.fill('Haddad');
		await status.selectOption('duldung');
		await language.selectOption('fa');
		await town.selectOption({ index: 1 });
		const townId = await town.inputValue();
		await district.fill('Kernstadt');
		await phone.fill('0176 1234567');
		await skipBrowserValidation(page);
		await page.getByRole('button', { name: t['participant.create'] }).click();

		await expect(page.getByRole('main').getByRole('alert')).toHaveText(t['form.check_fields']);
		await expect(givenName).toHaveAttribute('aria-invalid', 'true');
		await expect(givenName).toHaveAccessibleDescription(pattern(t['form.required']));
		await expect(familyName).toHaveValue('Haddad');
		await expect(status).toHaveValue('duldung');
		await expect(language).toHaveValue('fa');
		await expect(town).toHaveValue(townId);
		await expect(district).toHaveValue('Kernstadt');
		await expect(phone).toHaveValue('0176 1234567');

		// 10,000 characters: more than the field allows to be typed, so remove its limit first.
		await givenName.fill('Omid');
		await familyName.evaluate((input: HTMLInputElement) => input.removeAttribute('maxlength'));
		await familyName.fill('x'.repeat(10_000));
		await skipBrowserValidation(page);
		await page.getByRole('button', { name: t['participant.create'] }).click();

		await expect(familyName).toHaveAccessibleDescription(pattern(t['form.too_long']));
		await expect(familyName).toHaveAttribute('aria-invalid', 'true');
		await expect(givenName).toHaveValue('Omid');
		await expect(givenName).not.toHaveAttribute('aria-invalid', 'true');
		await expect(district).toHaveValue('Kernstadt');
		await expect(page).toHaveURL(/\/participants\/new$/);
	});
});

test.describe('paging through the caseload without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	const pager = (page: Page) => page.getByRole('navigation', { name: t['caseload.pages'] });
	const range = (from: number, to: number, count: number) =>
		fill(t[count === 1 ? 'pagination.range_one' : 'pagination.range_other'], { from, to, count });

	/** Each row's first link is the person's record (flags and the next appointment come after it); names repeat. */
	const peopleOn = async (page: Page) =>
		Promise.all((await cases(page).all()).map((row) => row.getByRole('link').first().getAttribute('href')));

	/** The people on every page, following the "next" links to the end. */
	async function namesForward(page: Page, total: number): Promise<(string | null)[][]> {
		const pages: (string | null)[][] = [];
		for (;;) {
			const from = pages.flat().length + 1;
			const names = await peopleOn(page);
			pages.push(names);
			await expect(pager(page)).toContainText(range(from, from + names.length - 1, total));
			const next = pager(page).getByRole('link', { name: t['pagination.next'] });
			if ((await next.count()) === 0) break;
			await next.click();
			await expect(page).toHaveURL(/[?&]cursor=/);
		}
		return pages;
	}

	test('the lead pages forward and back, 50 at a time, each person once, filters kept', async ({ page }) => {
		await signIn(page, 'lead');
		await page.goto('/caseload');
		const total = Number((await page.getByRole('status').innerText()).replace(/\D/g, ''));
		expect(total).toBeGreaterThan(100);

		const pages = await namesForward(page, total);
		expect(pages.length).toBe(Math.ceil(total / 50));
		expect(pages.slice(0, -1).every((p) => p.length === 50)).toBe(true);
		expect(new Set(pages.flat()).size).toBe(total);
		await expect(pager(page).getByRole('link', { name: t['pagination.next'] })).toHaveCount(0);

		for (let back = pages.length - 2; back >= 0; back--) {
			await pager(page).getByRole('link', { name: t['pagination.previous'] }).click();
			await expect(pager(page)).toContainText(range(back * 50 + 1, back * 50 + 50, total));
			expect(await peopleOn(page)).toEqual(pages[back]);
		}
		await expect(pager(page)).toContainText(range(1, 50, total));
		await expect(pager(page).getByRole('link', { name: t['pagination.previous'] })).toHaveCount(0);

		// A filter with more than one page: the links carry it, and every page keeps to it.
		await page.getByRole('combobox', { name: t['participant.town'] }).selectOption({ label: 'Stadt Ditzingen' });
		await applyFilters(page);
		const inTown = Number((await page.getByRole('status').innerText()).replace(/\D/g, ''));
		expect(inTown).toBeGreaterThan(50);
		expect(inTown).toBeLessThan(total);
		const townPages = await namesForward(page, inTown);
		await expect(page).toHaveURL(/[?&]town=[0-9a-f-]{36}.*cursor=|cursor=.*[?&]town=/);
		expect(new Set(townPages.flat()).size).toBe(inTown);
		for (const row of await cases(page).all()) await expect(row).toContainText('Stadt Ditzingen');
	});

	test('a forged cursor shows the first page, not an error', async ({ page }) => {
		await signIn(page, 'lead');
		const response = await page.goto('/caseload?cursor=WyJuZXh0Il0.forged&status=refugee');
		expect(response?.status()).toBe(200);
		await expect(page.getByRole('heading', { level: 1, name: t['caseload.title'] })).toBeVisible();
		await expect(cases(page).first()).toContainText(t['residence_status.refugee']);
	});
});
