import { expect, test, type Page } from '@playwright/test';
import {
	de,
	expectDocumentLanguage,
	expectNoAxeViolations,
	fill,
	openAllDetails,
	PHONE,
	pattern,
	plural,
	signedInContext,
	signIn
} from './helpers';

test.use({ locale: 'de-DE' });

const LEYLA = 'Leyla Aydin';
const SABINE = 'Sabine Keller';

/** The participant links of a case list, as ids. */
async function caseIds(page: Page): Promise<string[]> {
	const hrefs = await page
		.getByRole('main')
		.getByRole('list')
		.getByRole('link')
		.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
	return [
		...new Set(hrefs.map((h) => /^\/participants\/([0-9a-f-]{36})$/.exec(h)?.[1]).filter((id) => id !== undefined))
	];
}

function inDays(days: number): string {
	return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: 'Europe/Berlin' });
}

test('a caseworker starts on the work queue: groups with counts, and each link leads where the work is done', async ({
	page
}) => {
	await signIn(page, 'caseworker');
	await expect(page).toHaveURL(/\/today$/);
	await expect(page.getByRole('heading', { level: 1, name: de['today.title'] })).toBeVisible();
	// Reviews overdue in the demo (other journeys hold some of them): the most overdue comes first, and the
	// item opens that person's plan.
	const reviews = page.getByRole('region', { name: new RegExp(de['today.group_review_due']) });
	await expect(reviews).toBeVisible();
	await expect(reviews.getByRole('listitem').first()).toContainText(pattern(de['today.review_overdue']));
	await reviews.getByRole('link').first().click();
	await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}\/plan$/);
	// Periods from month 30 on: "show all" opens the caseload filtered to them, or the group lists them all.
	await page.goto('/today');
	const ending = page.getByRole('region', { name: new RegExp(de['today.group_period_ending']) });
	await expect(ending).toBeVisible();
	const showAll = ending.getByRole('link', { name: plural(de, 'today.show_all') });
	if ((await showAll.count()) > 0) {
		await showAll.click();
		await expect(page).toHaveURL(/\/caseload\?attention=period_ending$/);
		await expect(page.getByRole('combobox', { name: de['caseload.attention'] })).toHaveValue('period_ending');
	}
	await page.goto('/today');
	await page.getByRole('link', { name: de['today.to_caseload'] }).click();
	await expect(page).toHaveURL(/\/caseload$/);
});

test('cover: the lead gives Sabine one of Leyla’s cases; she sees it marked, and it is gone once the cover ends', async ({
	page,
	browser
}) => {
	const sabine = await signedInContext(browser, 'caseworker', { locale: 'de-DE' });
	try {
		// The demo's running cover: one of Leyla's cases in Sabine's list, marked as covered.
		await sabine.page.goto('/caseload?attention=covered');
		await expect(
			sabine.page.getByText(new RegExp(fill(de['caseload.covering_for'], { name: LEYLA, date: '.+' })))
		).toHaveCount(1);
		const [demoCovered] = await caseIds(sabine.page);

		await signIn(page, 'lead');
		await page.goto('/caseload');
		await page.getByRole('combobox', { name: de['participant.caseworker'] }).selectOption({ label: LEYLA });
		await page.getByRole('button', { name: de['caseload.apply'] }).click();
		await page.waitForURL(/\/caseload\?/);
		const [covered, ended] = (await caseIds(page)).filter((id) => id !== demoCovered);

		// Her holiday cover of Leyla's whole caseload ended yesterday: 404, like any case not hers.
		const gone = await sabine.page.goto(`/participants/${ended}`);
		expect(gone?.status()).toBe(404);

		await page.goto(`/participants/${covered}`);
		await page.getByRole('link', { name: de['cover.for_this_case'] }).click();
		await expect(page).toHaveURL(/\/team\/cover\?participant=/);
		await page.getByRole('combobox', { name: de['cover.colleague'] }).selectOption({ label: SABINE });
		await page.getByLabel(de['cover.starts_on']).fill(inDays(0));
		await page.getByLabel(de['cover.ends_on']).fill(inDays(2));
		await page.getByLabel(de['cover.note']).fill('Bitte Rückruf wegen Kita-Platz.');
		await page.getByRole('button', { name: de['cover.give'] }).click();
		await expect(page.getByRole('status')).toHaveText(de['cover.given']);

		await sabine.page.goto('/caseload?attention=covered');
		expect(await caseIds(sabine.page)).toContain(covered);
		expect((await sabine.page.goto(`/participants/${covered}`))?.status()).toBe(200);
		await expect(sabine.page.getByRole('note')).toContainText(LEYLA);

		// The lead ends it early (asked once): from the next page load on, the case is gone for Sabine.
		await page.goto('/team/cover');
		const end = page.getByRole('button', {
			name: fill(de['cover.end_for'], { cover: SABINE, absent: LEYLA })
		});
		await end.first().click();
		await page.getByRole('button', { name: de['cover.end_confirm'] }).click();
		await expect(page.getByRole('status')).toHaveText(de['cover.ended_early']);
		const after = await sabine.page.goto(`/participants/${covered}`);
		// The demo's own one-case cover may be the one ended; either way one of the two is gone now.
		const other = await sabine.page.goto(`/participants/${demoCovered}`);
		expect([after?.status(), other?.status()].sort()).toEqual([200, 404]);
	} finally {
		await sabine.context.close();
	}
});

test("the lead's load view: load against the post, FTE edited, unassigned cases handed over in bulk", async ({
	page
}) => {
	await signIn(page, 'lead');
	await page.goto('/team');
	await expect(page.getByRole('heading', { level: 1, name: de['team.title'] })).toBeVisible();
	const leyla = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: LEYLA }) });
	await expect(leyla.getByText(/ von 40 Fällen · Stelle 0,5$/)).toBeVisible();

	const fte = leyla.getByLabel(de['team.fte_label']);
	await fte.fill('2');
	await leyla.getByRole('button', { name: fill(de['team.fte_save_for'], { name: LEYLA }) }).click();
	await expect(page.getByText(de['team.fte_invalid'])).toBeVisible();
	await leyla.getByLabel(de['team.fte_label']).fill('0,6');
	await leyla.getByRole('button', { name: fill(de['team.fte_save_for'], { name: LEYLA }) }).click();
	await expect(page.getByRole('status')).toHaveText(de['team.fte_saved']);
	await expect(leyla.getByText(/ von 48 Fällen · Stelle 0,6$/)).toBeVisible();

	await page.getByRole('link', { name: plural(de, 'team.unassigned') }).click();
	await page.goto('/team/reassign');
	await expect(page.getByRole('heading', { level: 1, name: de['team.reassign_title'] })).toBeVisible();
	const boxes = page.getByRole('checkbox');
	await boxes.nth(0).check();
	await boxes.nth(1).check();
	// The note is required (the browser says so first; the server refuses a missing one as well, see vitest).
	await page.getByLabel(de['team.handover_note']).fill('Neu zugezogen, Erstgespräch bitte diese Woche.');
	await page.getByRole('combobox', { name: de['team.reassign_to'] }).selectOption({ label: LEYLA });
	await page.getByRole('button', { name: de['team.reassign_submit'] }).click();
	await expect(page.getByText(fill(de['team.moved_other'], { count: 2 }))).toBeVisible();
});

test('the work queue fits a 360 px phone', async ({ browser }) => {
	const { page, context } = await signedInContext(browser, 'caseworker', { ...PHONE, locale: 'de-DE' });
	try {
		await expect(page).toHaveURL(/\/today$/);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		expect(overflow).toBeLessThanOrEqual(0);
		const first = page.getByRole('main').getByRole('listitem').getByRole('link').first();
		const box = await first.boundingBox();
		expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
	} finally {
		await context.close();
	}
});

test.describe('axe on the work queue, load view, cover and reassignment pages, ltr and rtl', () => {
	// Each language from the browser's own setting: switching in the app would save the choice on the account,
	// and later journeys would read that account's pages in it.
	test('caseworker: /today in German and Arabic', async ({ browser }) => {
		for (const [locale, label] of [
			['de-DE', '/today (de)'],
			['ar', '/today (ar)']
		] as const) {
			const { page, context } = await signedInContext(browser, 'caseworker', { locale });
			try {
				await page.goto('/today');
				await expectNoAxeViolations(page, label);
			} finally {
				await context.close();
			}
		}
	});

	test('lead: /team, /team/cover, /team/reassign in German and Farsi', async ({ browser }) => {
		for (const locale of ['de', 'fa'] as const) {
			const { page, context } = await signedInContext(browser, 'lead', { locale: locale === 'de' ? 'de-DE' : 'fa-IR' });
			try {
				for (const path of ['/team', '/team/cover', '/team/reassign']) {
					await page.goto(path);
					await expectDocumentLanguage(page, locale);
					await openAllDetails(page);
					await expectNoAxeViolations(page, `${path} (${locale})`);
				}
			} finally {
				await context.close();
			}
		}
	});
});

test('only leads open the team pages and only staff the work queue; everyone else gets 404', async ({ browser }) => {
	const cases: [string, string[]][] = [
		['caseworker', ['/team', '/team/cover', '/team/reassign']],
		['volunteer', ['/today', '/team', '/team/cover']],
		['participant', ['/today', '/team']],
		['admin', ['/today', '/team/cover']]
	];
	for (const [username, paths] of cases) {
		const { page, context } = await signedInContext(browser, username, { locale: 'de-DE' });
		try {
			for (const path of paths) {
				expect((await page.goto(path))?.status(), `${username} ${path}`).toBe(404);
			}
		} finally {
			await context.close();
		}
	}
});
