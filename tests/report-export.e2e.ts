import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { readFile } from 'node:fs/promises';
import { ar, de, expectNoAxeViolations, signIn } from './helpers';

const YEAR = new Date().getFullYear();
const WARNINGS = [
	'done_appointment_without_contact',
	'no_contact_90_days',
	'review_overdue',
	'period_over_without_extension'
] as const;

/** A count as the German page writes it ("1.234"). */
const number = (text: string | null) => Number((text ?? '').trim().replace(/\./g, ''));

type Rows = (string | number | boolean | Date | null)[][];
const valueOf = (rows: Rows, id: string) => rows.find((r) => r[0] === id)?.[2];

async function download(page: Page, name: string): Promise<Buffer> {
	const [file]: [Download, unknown] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name }).click()
	]);
	return readFile(await file.path());
}

/** The QA table as the page shows it: warning label → the count in its row. */
async function checksShown(page: Page, t: Record<string, string>): Promise<Map<string, string>> {
	const shown = new Map<string, string>();
	for (const warning of WARNINGS) {
		const row = page.getByRole('row', { name: t[`report.qa.${warning}`] });
		shown.set(warning, (await row.getByRole('cell').textContent())?.trim() ?? '');
	}
	return shown;
}

test('the lead checks the QA warnings, then downloads the XLSX and the CSV with the same numbers', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'de-DE' });
	const page = await context.newPage();
	await signIn(page, 'lead');
	await page.goto(`/reports?year=${YEAR}`);
	// What the report page shows, to be found again in the file.
	const atEnd = number(
		await page
			.getByRole('table', { name: de['report.k1.title'] })
			.getByRole('row', { name: de['report.k1.at_end'] })
			.getByRole('cell')
			.textContent()
	);
	const contactsShown = number(
		await page
			.locator(`xpath=//dt[normalize-space()="${de['report.k2.contacts']}"]/following-sibling::dd[1]`)
			.textContent()
	);
	// The five charts, each an image with its summary, drawn without the chart library in the browser.
	await expect(page.locator('figure.chart [role="img"]')).toHaveCount(5);
	await page.getByRole('link', { name: de['report_export.open'] }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(de['report_export.title']);
	await expect(page.getByRole('heading', { name: de['report_export.checks_title'] })).toBeVisible();
	const checks = await checksShown(page, de);
	// A warning with something to fix links to where it is fixed.
	for (const warning of WARNINGS) {
		const link = page.getByRole('link', { name: de[`report.qa.${warning}`] });
		await expect(link).toHaveCount(checks.get(warning) === '0' ? 0 : 1);
	}
	await expectNoAxeViolations(page);

	const sheets = await readXlsxFile(await download(page, de['report_export.xlsx']));
	const names = sheets.map((s) => s.sheet);
	expect(names[0]).toBe('Zusammenfassung');
	expect(names.at(-1)).toBe('Hinweise');
	// The lead's organisation: one sheet per caseworker, Sabine Keller's among them.
	expect(names).toContain('Sabine Keller');
	const summary = sheets[0].data as Rows;
	expect(summary[1][1]).toMatch(/^Träger: /);
	expect(summary[2][1]).toBe(`1. Januar ${YEAR} – 31. Dezember ${YEAR}`);
	expect(summary[4][1]).toBe('Martina Schulz');
	const contacts = valueOf(summary, 'K2.1');
	expect(contacts).toBe(contactsShown);
	expect(valueOf(summary, 'K1.2')).toBe(atEnd);
	// The notes sheet counts what the page showed before the export.
	const notes = sheets.at(-1)?.data as Rows;
	for (const warning of WARNINGS) {
		const label = de[`report.qa.${warning}`];
		expect(String(notes.find((r) => r[0] === label)?.[1]), warning).toBe(checks.get(warning));
	}
	// The organisation's contacts are the sum of its caseworkers' (each contact has one caseworker).
	const perCaseworker = sheets.slice(1, -1).map((s) => Number(valueOf(s.data as Rows, 'K2.1')));
	expect(perCaseworker.reduce((a, b) => a + b, 0)).toBe(contacts);

	const csv = (await download(page, de['report_export.csv'])).toString('utf8');
	expect(csv.charCodeAt(0)).toBe(0xfeff);
	const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data;
	expect(rows.find((r) => r[0] === 'K2.1')?.[2]).toBe(String(contacts));
	await context.close();
});

test('the export page reads right to left in Arabic, and works at 360 px', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'ar', viewport: { width: 360, height: 740 } });
	const page = await context.newPage();
	await signIn(page, 'lead');
	await page.goto(`/reports/export?year=${YEAR}`);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(ar['report_export.title']);
	await expect(page.getByRole('link', { name: ar['report_export.xlsx'] })).toBeVisible();
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow).toBeLessThanOrEqual(0);
	await expectNoAxeViolations(page);
	await context.close();
});

test('the coordinator exports the county as aggregates only; no person, no caseworker, nobody else', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'de-DE' });
	const page = await context.newPage();
	await signIn(page, 'coordinator');
	await page.goto(`/reports/export?year=${YEAR}`);
	await expect(page.getByText(de['report_export.suppressed_hint'])).toBeVisible();
	// Counts only: nothing to click through to a person's case.
	await expect(page.getByRole('table').getByRole('link')).toHaveCount(0);
	await expectNoAxeViolations(page);
	const sheets = await readXlsxFile(await download(page, de['report_export.xlsx']));
	expect(sheets.map((s) => s.sheet)).toEqual(['Zusammenfassung', 'Hinweise']);
	const summary = sheets[0].data as Rows;
	expect(summary[1][1]).toMatch(/^Landkreis: /);
	// Every count is 0, 5 or more, or "< 5" (hours, mean minutes and durations are measures, not counts).
	const measures = /^K2\.5$|^K2\.6\.|^K8\.[23]$/;
	let suppressed = 0;
	for (const [id, label, value] of summary.slice(6)) {
		if (!/^K(1|2|3|5|7|8)\./.test(String(id)) || measures.test(String(id))) continue;
		if (value === '< 5') suppressed++;
		else expect(value === 0 || (typeof value === 'number' && value >= 5), `${id} ${label}: ${value}`).toBe(true);
	}
	expect(suppressed).toBeGreaterThan(0);
	const caseworker = await page.request.get(`/reports/export.xlsx?year=${YEAR}&caseworkerId=anyone`);
	expect(caseworker.status()).toBe(404);
	await context.close();

	const volunteer = await browser.newContext({ locale: 'de-DE' });
	const other = await volunteer.newPage();
	await signIn(other, 'volunteer');
	for (const path of ['/reports/export', '/reports/export.xlsx', '/reports/export.csv']) {
		expect((await other.request.get(`${path}?year=${YEAR}`)).status(), path).toBe(404);
	}
	await volunteer.close();
});
