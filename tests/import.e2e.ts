import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { sampleSheet, sampleXlsx, type BadKind } from '../src/lib/server/imports/testing/sample';
import {
	ar,
	de,
	expectDocumentLanguage,
	expectNoAxeViolations,
	fill,
	pattern,
	signedInContext,
	signIn,
	ti
} from './helpers';

test.use({ locale: 'de-DE' });

// What each kind of bad row in the sample says, in German, as the county reads it.
const REASONS: Record<BadKind, { key: string; value: string }> = {
	birth_date: { key: 'import.refused_birth_date', value: '31.02.1990' },
	status: { key: 'import.refused_status', value: 'Touristenvisum' },
	town: { key: 'import.refused_town', value: 'Atlantis' },
	caseworker: { key: 'import.refused_caseworker', value: 'Niemand Unbekannt' },
	language: { key: 'import.refused_language', value: 'Klingonisch' },
	name: { key: 'import.refused_name', value: '' },
	phone: { key: 'import.refused_phone', value: 'bitte anrufen' }
};

async function upload(page: Page, file: string) {
	await page.goto('/import');
	await page.getByLabel(de['import.file_label']).setInputFiles(file);
	await page.getByRole('button', { name: de['import.upload'] }).click();
	await expect(page).toHaveURL(/\/import\/drafts\/[0-9a-f-]{36}$/);
}

test('a lead imports a county sheet of 200 rows with 10 bad ones, prints the letters, and a second upload creates nothing', async ({
	page,
	browser
}) => {
	test.setTimeout(180_000);
	const sample = sampleSheet({
		rows: 200,
		bad: 10,
		towns: ['Ditzingen', 'Hemmingen'],
		caseworkers: ['Sabine Keller', 'Leyla Aydin'],
		seed: Date.now() % 1000
	});
	const file = join(mkdtempSync(join(tmpdir(), 'tandem-import-')), 'Fallliste Landkreis.xlsx');
	writeFileSync(file, await sampleXlsx(sample));

	await signIn(page, 'lead');
	await page.goto('/import');
	await expect(page.getByRole('heading', { level: 1, name: de['import.title'] })).toBeVisible();
	await expectNoAxeViolations(page, '/import');

	await upload(page, file);
	// The mapping guessed from the German headings.
	await expect(page.getByLabel(de['import.field_family_name'])).toHaveValue('0');
	await expect(page.getByLabel(de['import.field_given_name'])).toHaveValue('1');
	await expect(page.getByLabel(de['import.field_residence_status'])).toHaveValue('4');
	await expect(page.getByLabel(de['import.field_caseworker'])).toHaveValue('7');
	await expect(page.getByLabel(de['import.field_name'])).toHaveValue('');
	await expectNoAxeViolations(page, 'mapping');

	await page.getByRole('button', { name: de['import.check'] }).click();
	const refused = page.getByRole('list', { name: fill(de['import.refused_title'], { n: 10 }) });
	await expect(refused.getByRole('listitem')).toHaveText(
		sample.bad.map((b) => fill(de[REASONS[b.kind].key]!, { row: b.row, value: REASONS[b.kind].value }))
	);
	await expect(page.locator(`dt:text-is("${de['import.count_people']}") + dd`)).toHaveText('190');
	// The first page of the people it would create (a header row and 50 people).
	const people = page.getByRole('region', { name: fill(de['import.people_title'], { n: 50, total: 190 }) });
	await expect(people.getByRole('row')).toHaveCount(51);
	await expectNoAxeViolations(page, 'dry run');

	await page.getByRole('button', { name: fill(de['import.run'], { n: 190 }) }).click();
	await expect(page).toHaveURL(/\/import\/[0-9a-f-]{36}$/);
	const importUrl = new URL(page.url()).pathname;
	await expect(page.locator(`dt:text-is("${de['import.count_created']}") + dd`)).toHaveText('190');
	await expect(page.locator(`dt:text-is("${de['import.count_refused']}") + dd`)).toHaveText('10');
	await expectNoAxeViolations(page, 'import done');

	await page.getByRole('button', { name: fill(de['import.letters_issue'], { n: 190 }) }).click();
	const letters = page.getByRole('article');
	await expect(letters).toHaveCount(190);
	// Each letter in the person's language with German beside it, a code and a QR code.
	const arabic = page.locator('article:has(section[lang="ar"])').first();
	await expect(arabic.locator('section[lang="ar"][dir="rtl"]')).toContainText(ar['import.letter_title']!);
	await expect(arabic.locator('section[lang="de"]')).toContainText(de['import.letter_title']!);
	await expect(arabic.locator('.code')).toHaveText(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
	await expect(arabic.getByRole('img', { name: de['invitation.qr_label'] }).locator('svg')).toBeVisible();
	await expect(page.locator('section[lang="ti"]').first()).toContainText(ti['import.letter_title']!);
	await expectNoAxeViolations(page, 'letters (ltr page, rtl letters)');

	// The same page for a lead reading Arabic: right to left, letters as before.
	const arabicLead = await signedInContext(browser, 'lead', { locale: 'ar' });
	await arabicLead.page.goto(importUrl);
	await expectDocumentLanguage(arabicLead.page, 'ar');
	// Printing again cancels the codes just printed: asked once.
	await arabicLead.page.getByRole('button', { name: pattern(ar['import.letters_issue']!) }).click();
	await arabicLead.page.getByRole('button', { name: ar['import.letters_reissue_confirm'] }).click();
	await expect(arabicLead.page.getByRole('article')).toHaveCount(190);
	await expectNoAxeViolations(arabicLead.page, 'letters (rtl page)');
	await arabicLead.context.close();

	// The same file again: recognised, and nothing new to import.
	await upload(page, file);
	await expect(page.getByRole('status').filter({ hasText: de['import.open_earlier'] })).toBeVisible();
	await page.getByRole('button', { name: de['import.check'] }).click();
	await expect(page.locator(`dt:text-is("${de['import.count_people']}") + dd`)).toHaveText('0');
	await expect(page.locator(`dt:text-is("${de['import.count_duplicates']}") + dd`)).toHaveText('190');
	await expect(page.getByText(de['import.nothing_new']!)).toBeVisible();
	await expect(page.getByRole('button', { name: /importieren/ })).toHaveCount(0);
});

test('a refused upload says why in German and keeps nothing', async ({ page }) => {
	const dir = mkdtempSync(join(tmpdir(), 'tandem-import-'));
	const pdf = join(dir, 'liste.pdf');
	writeFileSync(pdf, '%PDF-1.4 not a sheet');
	await signIn(page, 'lead');
	await page.goto('/import');
	await page.getByLabel(de['import.file_label']).setInputFiles(pdf);
	await page.getByRole('button', { name: de['import.upload'] }).click();
	await expect(page.getByRole('alert')).toHaveText(de['import.file_type']!);
	await expect(page).toHaveURL(/\/import$/);
});

test('only a team lead imports: a caseworker and the coordinator get 404', async ({ browser }) => {
	for (const username of ['caseworker', 'coordinator']) {
		const { context, page } = await signedInContext(browser, username);
		const response = await page.goto('/import');
		expect(response?.status(), username).toBe(404);
		await context.close();
	}
});

test('without JavaScript on a 360 px phone, the import works as plain forms and nothing overflows', async ({
	browser
}) => {
	const { context, page } = await signedInContext(browser, 'lead', {
		javaScriptEnabled: false,
		viewport: { width: 360, height: 740 }
	});
	const file = join(mkdtempSync(join(tmpdir(), 'tandem-import-')), 'kurz.csv');
	// Semicolons and Windows-1252, as German Excel saves a CSV.
	const text = [
		'Name;Geburtsdatum;Aufenthaltsstatus;Gemeinde;Sprache',
		'Özdemir, Jürgen;03.04.1971;Duldung;Ditzingen;Deutsch',
		'Weißmann, Käthe;04.05.1972;Gestattung;Hemmingen;Arabisch'
	].join('\r\n');
	writeFileSync(file, Uint8Array.from([...text].map((c) => c.charCodeAt(0))));
	await upload(page, file);
	const fits = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
	expect(await fits()).toBe(true);
	await page.getByRole('button', { name: de['import.check'] }).click();
	await expect(page.locator(`dt:text-is("${de['import.count_people']}") + dd`)).toHaveText('2');
	expect(await fits()).toBe(true);
	await page.getByRole('button', { name: fill(de['import.run'], { n: 2 }) }).click();
	await expect(page.locator(`dt:text-is("${de['import.count_created']}") + dd`)).toHaveText('2');
	await page.getByRole('button', { name: fill(de['import.letters_issue'], { n: 2 }) }).click();
	await expect(page.getByRole('article')).toHaveCount(2);
	await expect(page.getByRole('article').filter({ hasText: 'Jürgen Özdemir' })).toHaveCount(1);
	await expect(page.getByRole('article').filter({ hasText: 'Käthe Weißmann' })).toHaveCount(1);
	expect(await fits()).toBe(true);
	await context.close();
});
