import { expect, test, type Page } from '@playwright/test';
import { ar, de, expectDocumentLanguage, expectNoAxeViolations, fill, PHONE, signedInContext, signIn } from './helpers';

const t = de;

/** Every button, link and field on the page is at least 44 px tall (buttons also wide), and nothing scrolls sideways. */
async function expectPhoneFriendly(page: Page) {
	const offenders = await page.evaluate(() => {
		const found: string[] = [];
		for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select, textarea, summary')) {
			const style = getComputedStyle(el);
			const box = el.getBoundingClientRect();
			if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
			if (box.bottom <= 0 || box.right <= 0 || box.left >= window.innerWidth) continue;
			if (box.height < 44 || (el.tagName === 'BUTTON' && box.width < 44)) {
				const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim();
				found.push(`<${el.tagName.toLowerCase()}> "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
			}
		}
		return found;
	});
	expect(offenders, `touch targets smaller than 44 px:\n${offenders.join('\n')}`).toEqual([]);
	expect(await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0)).toBeLessThanOrEqual(360);
}
const today = () => new Date().toISOString().slice(0, 10);

// The demo's showcase families and its own case-course examples, which the other journeys rely on.
const DEMO_FAMILIES = /Al-Hassan|Tesfay|Ahmadi|Haddad|Gebremedhin/;

/** The people listed on the signed-in caseworker's caseload, as their page addresses, in list order. */
async function caseloadPeople(page: Page, { skipDemoFamilies = false } = {}): Promise<string[]> {
	await page.goto('/caseload');
	const links = await page
		.getByRole('main')
		.locator('a[href^="/participants/"]')
		.evaluateAll((all) => all.map((a) => ({ href: a.getAttribute('href') ?? '', name: a.textContent ?? '' })));
	const people = links.filter(
		(l) => /^\/participants\/[0-9a-f-]{36}$/.test(l.href) && !(skipDemoFamilies && DEMO_FAMILIES.test(l.name))
	);
	return [...new Set(people.map((l) => l.href))];
}

/** Fills the person's part of /participants/new. */
async function fillPerson(page: Page, given: string, family: string) {
	await page.getByRole('textbox', { name: t['participant.given_name'], exact: true }).fill(given);
	await page.getByRole('textbox', { name: t['participant.family_name'], exact: true }).fill(family);
	await page.getByRole('combobox', { name: t['participant.residence_status'] }).selectOption('refugee');
	await page.getByRole('combobox', { name: t['participant.language'], exact: true }).selectOption('ar');
	await page.getByRole('combobox', { name: t['participant.town'] }).selectOption({ label: 'Stadt Ditzingen' });
}

test.describe('the course of a case', () => {
	// German, the staff's everyday language.
	test.use({ locale: 'de-DE' });

	test('handover of a new person: one form makes the person, her referred case and the handover', async ({ page }) => {
		await signIn(page, 'caseworker');
		await page.goto('/participants/new?handover');
		const family = `Karimi${Date.now() % 100_000}`;
		await fillPerson(page, 'Laila', family);
		await page.getByRole('textbox', { name: t['handover.service'] }).fill('Sozialdienst GU Ludwigsburg');
		await page.getByRole('textbox', { name: t['handover.person'] }).fill('Frau Berger');
		await page.getByLabel(t['handover.allocated_on']).fill(today());
		await page.getByRole('textbox', { name: t['field.housing'] }).fill('Zieht nächste Woche in die AUB.');

		// No consent to hand the data on: refused, nothing recorded, what she typed stays.
		await page.getByRole('button', { name: t['participant.create'] }).click();
		await expect(page.getByRole('main').getByRole('alert')).toHaveText(t['case.handover_consent_required']);
		await expect(page.getByRole('textbox', { name: t['handover.service'] })).toHaveValue('Sozialdienst GU Ludwigsburg');

		await page.getByLabel(t['handover.paper_consent_on']).fill(today());
		await page.getByRole('button', { name: t['participant.create'] }).click();
		await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}\/case\?done=handover|\/case\?handover=1/);
		const overview = page.getByRole('region', { name: t['case.overview'] });
		await expect(overview).toContainText(t['case_status.referred']);
		await expect(overview).toContainText(t['case.period_not_started']);
		const handover = page.getByRole('region', { name: t['handover.title'] });
		await expect(handover).toContainText('Sozialdienst GU Ludwigsburg');
		await expect(handover).toContainText('Zieht nächste Woche in die AUB.');
		await expect(page.getByRole('region', { name: t['case.timeline'] })).toContainText(
			t['case_event.handover_received']
		);
		await expectNoAxeViolations(page, 'case page (de)');

		await page.goto(`/caseload?q=${family}`);
		await expect(
			page
				.getByRole('main')
				.getByRole('link', { name: new RegExp(family) })
				.first()
		).toBeVisible();
	});

	test('a closure for "no contact" waits for the lead, who signs it off', async ({ page, browser }) => {
		await signIn(page, 'caseworker');
		await page.goto('/participants/new');
		const family = `Nouri${Date.now() % 100_000}`;
		await fillPerson(page, 'Samir', family);
		await page.getByRole('button', { name: t['participant.create'] }).click();
		await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}\?created=1$/);
		await expect(page.getByRole('main')).toContainText(t['case_status.referred']);
		await page.getByRole('main').getByRole('link', { name: t['case.title'] }).first().click();
		await expect(page).toHaveURL(/\/case$/);
		const caseUrl = page.url();

		await page.getByRole('button', { name: t['case.close'] }).click();
		const dialog = page.getByRole('dialog', { name: t['case.close'] });
		await dialog.getByRole('combobox', { name: t['case.closure_reason'] }).selectOption('no_contact');
		await dialog
			.getByRole('textbox', { name: t['case.closure_note'] })
			.fill('Drei Briefe, zwei Anrufe, keine Antwort.');
		await dialog.getByRole('button', { name: t['case.close_confirm'] }).click();
		await expect(page.getByRole('status')).toHaveText(t['case.done_closure_requested']);
		await expect(page.getByRole('region', { name: t['case.overview'] })).toContainText(t['case_status.referred']);

		const lead = await signedInContext(browser, 'lead', { locale: 'de-DE' });
		try {
			await lead.page.goto('/approvals');
			const request = lead.page.getByRole('listitem').filter({ hasText: family });
			await expect(request).toContainText(t['closure_reason.no_contact']);
			await expectNoAxeViolations(lead.page, '/approvals (de)');
			await request.getByRole('button', { name: t['approvals.approve'] }).click();
			await lead.page
				.getByRole('dialog', { name: t['approvals.approve'] })
				.getByRole('button', { name: t['approvals.approve_closure_confirm'] })
				.click();
			await expect(lead.page.getByRole('status')).toHaveText(t['case.done_approved']);
			await expect(lead.page.getByRole('listitem').filter({ hasText: family })).toHaveCount(0);
		} finally {
			await lead.context.close();
		}

		await page.goto(caseUrl);
		await expect(page.getByRole('region', { name: t['case.overview'] })).toContainText(t['case_status.closed']);
		await expect(page.getByRole('link', { name: t['case.exit_snapshot'] })).toHaveAttribute(
			'href',
			/\/assessment\?kind=exit$/
		);
		await expect(page.getByRole('button', { name: t['case.reopen'] })).toBeVisible();
	});

	test('the lead approves an extension to a fourth year', async ({ page, browser }) => {
		await signIn(page, 'lead');
		await page.getByRole('navigation').getByRole('link', { name: t['nav.approvals'] }).click();
		await expect(page.getByRole('heading', { level: 1, name: t['approvals.title'] })).toBeVisible();
		const request = page.getByRole('listitem').filter({ hasText: t['approvals.kind_extension'] }).first();
		await expect(request).toContainText('Ausbildung zur Pflegehelferin');
		const caseHref = await request.getByRole('link').first().getAttribute('href');
		await request.getByRole('button', { name: t['approvals.approve'] }).click();
		await expect(page.getByRole('status')).toHaveText(t['case.done_approved']);
		await expect(page.getByRole('listitem').filter({ hasText: t['approvals.kind_extension'] })).toHaveCount(0);

		const caseworker = await signedInContext(browser, 'caseworker', { locale: 'de-DE' });
		try {
			const cw = caseworker.page;
			await cw.goto(caseHref!);
			await expect(cw.getByRole('region', { name: t['case.overview'] })).toContainText(
				fill(t['case.period_month'], { month: 32, months: 48 })
			);
			await expect(cw.getByRole('region', { name: t['case.timeline'] })).toContainText(
				t['case_event.extension_approved']
			);
		} finally {
			await caseworker.context.close();
		}
	});

	test('a transfer to the JMD with a new warm-handover appointment; a form shown before it is refused', async ({
		page
	}) => {
		await signIn(page, 'caseworker');
		// Someone outside the showcase families whose course the other journeys do not touch: the last in name order
		// whose case is active (the demo closes some of Sabine's cases in the report year).
		for (const person of (await caseloadPeople(page, { skipDemoFamilies: true })).reverse()) {
			await page.goto(`${person}/case`);
			const overview = await page.getByRole('region', { name: t['case.overview'] }).innerText();
			if (overview.includes(t['case_status.active'])) break;
		}
		await expect(page.getByRole('region', { name: t['case.overview'] })).toContainText(t['case_status.active']);
		const stale = await page.context().newPage();
		await stale.goto(page.url());

		await page.getByText(t['case.transfer'], { exact: true }).click();
		await page.getByRole('combobox', { name: t['case.transfer_target'] }).selectOption('jmd');
		await page.getByRole('textbox', { name: t['case.service_name'] }).fill('JMD Ludwigsburg');
		const inFiveDays = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
		await page.getByLabel(t['appointments.date']).fill(inFiveDays);
		await page.getByLabel(t['appointments.start']).fill('10:00');
		await page.getByLabel(t['appointments.end']).fill('11:00');
		await page.getByRole('button', { name: t['case.transfer_confirm'] }).click();
		await expect(page.getByRole('status')).toHaveText(t['case.done_transferred']);
		const overview = page.getByRole('region', { name: t['case.overview'] });
		await expect(overview).toContainText(t['case_status.transferred']);
		await expect(overview).toContainText('JMD Ludwigsburg');
		await expect(overview.getByRole('link')).toHaveAttribute('href', /appointments\/[0-9a-f-]{36}$/);

		// The second tab still shows the case as active: pausing it there changes nothing.
		await stale.getByRole('button', { name: t['case.pause'] }).click();
		await expect(stale.getByRole('main').getByRole('alert')).toHaveText(t['form.changed_meanwhile']);
		await stale.reload();
		await expect(stale.getByRole('region', { name: t['case.overview'] })).toContainText(t['case_status.transferred']);
		await stale.close();
	});

	test("someone else's case is not found: another organisation, a volunteer", async ({ browser }) => {
		const own = await signedInContext(browser, 'caseworker');
		const caseUrl = `${(await caseloadPeople(own.page))[0]}/case`;
		expect((await own.page.goto(caseUrl))?.status()).toBe(200);
		await own.context.close();
		for (const username of ['caseworker2', 'volunteer']) {
			const other = await signedInContext(browser, username);
			const response = await other.page.goto(caseUrl);
			expect(response?.status(), username).toBe(404);
			await other.context.close();
		}
	});
});

test.describe('her case, on her phone, in Arabic', () => {
	test.use({ ...PHONE });

	test('Amina sees her case status and period in plain words', async ({ page }) => {
		await signIn(page, 'participant');
		await expectDocumentLanguage(page, 'ar');
		await page.getByRole('link', { name: ar['my_case.open'] }).click();
		await expect(page).toHaveURL(/\/my-case$/);
		await expect(page.getByRole('heading', { level: 2, name: ar['case_status.active'] })).toBeVisible();
		await expect(page.getByRole('main')).toContainText(ar['my_case.status_active']);
		await expect(page.getByRole('meter', { name: ar['my_case.period_used'] })).toBeVisible();
		await expect(page.getByRole('main')).toContainText('Sabine Keller');
		const more = page.getByRole('navigation', { name: ar['my_case.more'] });
		await expect(more.getByRole('link', { name: ar['my_case.meetings'] })).toHaveAttribute('href', '/my-case/meetings');
		await expect(more.getByRole('link', { name: ar['my_case.notes'] })).toHaveAttribute('href', '/my-case/notes');
		await expectNoAxeViolations(page, '/my-case (ar)');
		await expectPhoneFriendly(page);
	});

	test('after closure she reads what it means and whom to ask, and prints the letter', async ({ page }) => {
		await signIn(page, 'participant.closed');
		await page.goto('/my-case');
		await expectDocumentLanguage(page, 'ar');
		await expect(page.getByRole('heading', { level: 2, name: ar['case_status.closed'] })).toBeVisible();
		const notice = page.getByRole('region', { name: ar['my_case.letter_title'] });
		await expect(notice).toContainText(ar['my_case.data_text']);
		await expect(notice).toContainText(ar['my_case.ask_mbe']);
		await expect(notice).toContainText('Migrationsberatung für Erwachsene, Caritas Ludwigsburg');
		await expectNoAxeViolations(page, '/my-case closed (ar)');
		await expectPhoneFriendly(page);

		await notice.getByRole('link', { name: ar['my_case.letter'] }).click();
		await expect(page).toHaveURL(/\/my-case\/letter$/);
		const letter = page.getByRole('article');
		await expect(letter).toHaveAttribute('lang', 'ar');
		await expect(letter).toHaveAttribute('dir', 'rtl');
		await expect(letter.getByRole('heading', { level: 1, name: ar['my_case.letter_title'] })).toBeVisible();
		await expect(letter).toContainText('Omar Haddad');
		await expectNoAxeViolations(page, '/my-case/letter (ar)');
		await expectPhoneFriendly(page);
	});
});

test.describe('the case page on a phone at a home visit', () => {
	test.use({ ...PHONE, locale: 'de-DE' });

	test('every step is reachable and tappable at 360 px', async ({ page }) => {
		await signIn(page, 'caseworker');
		await page.goto(`${(await caseloadPeople(page))[0]}/case`);
		await expect(page.getByRole('heading', { level: 1, name: new RegExp(t['case.title']) })).toBeVisible();
		// Every folded step (not the confirmations: with JavaScript those open a modal dialog).
		for (const summary of await page.locator('main details:not(.confirm) > summary').all()) await summary.click();
		await expectPhoneFriendly(page);
		await expectNoAxeViolations(page, 'case page on a phone (de)');
	});
});

test('the case page, the handover form and the approvals pass axe right-to-left (Farsi)', async ({ browser }) => {
	test.setTimeout(90_000);
	for (const username of ['caseworker', 'lead'] as const) {
		// The language from the browser's setting: switching in the app would save it on the staff account.
		const { context, page } = await signedInContext(browser, username, { locale: 'fa-IR' });
		try {
			const paths =
				username === 'caseworker'
					? [`${(await caseloadPeople(page))[0]}/case`, '/participants/new?handover']
					: ['/approvals'];
			for (const path of paths) {
				await page.goto(path);
				await expectDocumentLanguage(page, 'fa');
				await page.locator('main details').evaluateAll((all) => all.forEach((d) => d.setAttribute('open', '')));
				await expectNoAxeViolations(page, `${path} (fa)`);
			}
		} finally {
			await context.close();
		}
	}
});
