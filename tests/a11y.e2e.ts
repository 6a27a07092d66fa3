import { expect, test } from '@playwright/test';
import {
	expectDocumentLanguage,
	expectNoAxeViolations,
	fill,
	LOCALES,
	MESSAGES,
	PHONE,
	signedInContext,
	signIn,
	switchLanguage
} from './helpers';

test.describe('axe: no WCAG 2.1 A/AA violations', () => {
	test('sign-in page in all five languages', async ({ page }) => {
		await page.goto('/login');
		for (const locale of LOCALES) {
			await switchLanguage(page, locale);
			await expectDocumentLanguage(page, locale);
			await expect(page.getByRole('heading', { level: 1, name: MESSAGES[locale]['auth.sign_in'] })).toBeVisible();
			await expectNoAxeViolations(page, `/login (${locale})`);
		}
	});

	test('activation page', async ({ page }) => {
		await page.goto('/activate');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectNoAxeViolations(page, '/activate');
	});

	test("participant's home in all five languages", async ({ page }) => {
		await signIn(page, 'participant');
		await expect(page).toHaveURL(/\/home$/);
		try {
			for (const locale of LOCALES) {
				// Switching while signed in saves the choice on the account.
				await switchLanguage(page, locale);
				await expectDocumentLanguage(page, locale);
				await expect(
					page.getByRole('heading', { level: 1, name: fill(MESSAGES[locale]['home.greeting'], { name: 'Amina' }) })
				).toBeVisible();
				await expectNoAxeViolations(page, `/home (${locale})`);
			}
			await switchLanguage(page, 'ar');
		} finally {
			// Amina reads Arabic: leave her account as the demo data has it, for the other tests, even if a step
			// above failed (the request shares the page's cookies, so it saves the choice on her account).
			const restored = await page.request.post('/language', {
				form: { locale: 'ar', returnTo: '/home' },
				headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
				maxRedirects: 0
			});
			expect(restored.status()).toBe(303);
		}
		await page.goto('/home');
		await expectDocumentLanguage(page, 'ar');
	});

	test("caseworker's caseload and a participant's page", async ({ page }) => {
		await signIn(page, 'caseworker');
		await expect(page).toHaveURL(/\/today$/);
		await page.goto('/caseload');
		await expectNoAxeViolations(page, '/caseload');

		await page.getByRole('main').getByRole('list').getByRole('link').first().click();
		await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
		await expectNoAxeViolations(page, page.url());
	});
});

test.describe('sign-in page on a 360 px phone', () => {
	test.use({ ...PHONE });

	test('touch targets are at least 44 px and nothing scrolls sideways', async ({ page }) => {
		await page.goto('/login');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

		const { checked, offenders } = await page.evaluate(() => {
			const found: string[] = [];
			let count = 0;
			for (const el of document.querySelectorAll<HTMLElement>('button, a[href], input, select')) {
				const style = getComputedStyle(el);
				const box = el.getBoundingClientRect();
				if (style.visibility === 'hidden' || style.display === 'none' || box.width === 0 || box.height === 0) continue;
				// Parked off screen until focused (the skip link): not a target anyone can tap while it is away.
				if (box.bottom <= 0 || box.right <= 0 || box.left >= window.innerWidth) continue;
				count++;
				const tooShort = box.height < 44;
				const tooNarrow = el.tagName === 'BUTTON' && box.width < 44;
				if (tooShort || tooNarrow) {
					const name = (el.getAttribute('aria-label') ?? el.textContent ?? el.getAttribute('name') ?? '').trim();
					found.push(`<${el.tagName.toLowerCase()}> "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
				}
			}
			return { checked: count, offenders: found };
		});
		// The language buttons, the sign-in form and the links around it.
		expect(checked).toBeGreaterThanOrEqual(10);
		expect(offenders, `touch targets smaller than 44 px:\n${offenders.join('\n')}`).toEqual([]);

		const widths = await page.evaluate(() => ({
			scroll: document.scrollingElement?.scrollWidth ?? 0,
			viewport: window.innerWidth
		}));
		expect(widths.viewport).toBe(360);
		expect(widths.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(360);
	});
});

test.describe('the list pager on a 360 px phone, right to left', () => {
	test.use({ ...PHONE });

	test("Amina's 'who saw my data' in Arabic: named nav, current range, 44 px links, mirrored arrows", async ({
		page,
		browser
	}) => {
		// Her caseworker opens her record often enough for a second page (nobody's language setting changes).
		const staff = await signedInContext(browser, 'caseworker');
		try {
			await staff.page.goto('/caseload?q=Al-Hassan');
			await staff.page
				.getByRole('main')
				.getByRole('list')
				.getByRole('link', { name: 'Al-Hassan, Amina', exact: true })
				.click();
			await expect(staff.page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
			const record = staff.page.url();
			for (let i = 0; i < 55; i++) expect((await staff.page.request.get(record)).ok()).toBe(true);
		} finally {
			await staff.context.close();
		}

		const t = MESSAGES.ar;
		await signIn(page, 'participant');
		await page.goto('/my-data/access');
		await expectDocumentLanguage(page, 'ar');
		const pager = page.getByRole('navigation', { name: t['rights.access_pages'] });
		const older = pager.getByRole('link', { name: t['rights.older_entries'] });
		await expect(older).toBeVisible();
		await expect(pager.locator('[aria-current="page"]')).toBeVisible();
		await expectNoAxeViolations(page, '/my-data/access (ar, 360 px)');

		await older.click();
		await expect(page).toHaveURL(/[?&]cursor=/);
		const newer = pager.getByRole('link', { name: t['rights.newer_entries'] });
		await expect(newer).toBeVisible();
		const box = (await newer.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(44);
		expect(box.width).toBeGreaterThanOrEqual(44);
		// The arrow points the way the page reads: mirrored in right-to-left scripts.
		const arrow = await newer.evaluate((a) => getComputedStyle(a.querySelector('[aria-hidden]')!).transform);
		expect(arrow).toBe('matrix(-1, 0, 0, 1, 0, 0)');
		await expectNoAxeViolations(page, '/my-data/access, older entries (ar, 360 px)');
		const scroll = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
		expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(360);
	});
});
