import { expect, test } from '@playwright/test';
import { ar, de, expectDocumentLanguage, expectNoAxeViolations, fill, signIn } from './helpers';

const YEAR = new Date().getFullYear() - 1;

test('a caseworker writes the short report of a year; a second tab on the old version is told it changed meanwhile', async ({
	browser
}) => {
	const desk = await browser.newContext({ locale: 'de-DE' });
	const first = await desk.newPage();
	// Jonas Weber (Caritas): caseworker3 is locked by the sign-in throttling journey.
	await signIn(first, 'caseworker2');
	await first.goto(`/reports/texts?year=${YEAR}`);
	await expect(first.getByRole('heading', { level: 1 })).toContainText(
		fill(de['report_texts.title_caseworker'], { year: YEAR })
	);
	await expect(first.getByRole('heading', { level: 1 })).toContainText('Jonas Weber');
	await expectNoAxeViolations(first);
	const second = await desk.newPage();
	await second.goto(`/reports/texts?year=${YEAR}`, { waitUntil: 'networkidle' });

	await first.getByLabel(de['report_text.focus']).fill('Wohnungssuche für Familien');
	await first.getByLabel(de['report_text.outlook']).fill('Mehr Sprechstunden in Hemmingen');
	await first.getByRole('button', { name: de['report_texts.save'] }).click();
	await expect(first.getByRole('status')).toHaveText(de['report_texts.saved']);
	await expect(first.getByLabel(de['report_text.focus'])).toHaveValue('Wohnungssuche für Familien');

	await second.getByLabel(de['report_text.focus']).fill('Sprachkurse');
	await second.getByRole('button', { name: de['report_texts.save'] }).click();
	await expect(second.getByRole('alert')).toHaveText(de['form.changed_meanwhile']);
	// What the second tab typed is still there to copy; nothing of it was stored.
	await expect(second.getByLabel(de['report_text.focus'])).toHaveValue('Sprachkurse');
	await second.reload();
	await expect(second.getByLabel(de['report_text.focus'])).toHaveValue('Wohnungssuche für Familien');
	await desk.close();
});

test('the short report page reads right to left in Arabic and a coordinator or volunteer finds nothing there', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'ar' });
	const page = await context.newPage();
	await signIn(page, 'caseworker2');
	await page.goto(`/reports/texts?year=${YEAR}`);
	await expectDocumentLanguage(page, 'ar');
	await expect(page.getByLabel(ar['report_text.challenges'])).toBeVisible();
	await expectNoAxeViolations(page);
	await context.close();

	for (const username of ['coordinator', 'volunteer']) {
		const other = await browser.newContext({ locale: 'de-DE' });
		const p = await other.newPage();
		await signIn(p, username);
		const response = await p.goto('/reports/texts');
		expect(response?.status(), username).toBe(404);
		await other.close();
	}
});
