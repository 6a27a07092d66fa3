import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import {
	ar,
	de,
	en,
	expectDocumentLanguage,
	expectNoAxeViolations,
	fa,
	fill,
	pattern,
	PHONE,
	plural,
	signIn,
	ti
} from './helpers';

/** A phone photo of a letter, with the camera's make and a GPS position in its EXIF. */
async function letterPhoto(): Promise<Buffer> {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="1200"><rect width="100%" height="100%" fill="#fff"/><text x="60" y="120" font-size="48">Landratsamt Ludwigsburg</text><text x="60" y="220" font-size="30">Anhörung vor Ablehnung</text></svg>`;
	return sharp(Buffer.from(svg))
		.withExif({ IFD0: { Make: 'PhoneCo' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 49/1 3000/100' } })
		.jpeg()
		.toBuffer();
}

const persianDigits = (n: number) => n.toLocaleString('fa-u-ca-gregory');

async function documentCount(page: Page): Promise<number> {
	return page.locator('ul.documents > li').count();
}

test('a participant photographs a letter on her phone in Farsi, asks for an explanation and reads the answer', async ({
	browser
}) => {
	const phone = await browser.newContext({ ...PHONE });
	const zahra = await phone.newPage();
	await signIn(zahra, 'participant.fa');
	await expectDocumentLanguage(zahra, 'fa');

	await zahra
		.getByRole('navigation', { name: fa['nav.main'] })
		.getByRole('link', { name: fa['nav.my_documents'] })
		.click();
	await expect(zahra.getByRole('heading', { level: 1, name: fa['documents.my_documents'] })).toBeVisible();
	await expectNoAxeViolations(zahra, 'documents (fa)');

	await zahra.getByLabel(fa['documents.category']).selectOption('letters');
	await zahra.getByLabel(fa['documents.title_field'], { exact: true }).fill('نامهٔ ادارهٔ اتباع');
	const chooser = zahra.waitForEvent('filechooser');
	await zahra.getByLabel(fa['documents.take_photo']).click();
	await (await chooser).setFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: await letterPhoto() });
	// The chosen page shows before anything is sent.
	const pageOne = fill(fa['documents.page_n'], { n: persianDigits(1) });
	await expect(
		zahra.getByRole('list', { name: fa['documents.chosen_pages'] }).getByRole('img', { name: pageOne })
	).toBeVisible();
	await expectNoAxeViolations(zahra, 'documents with a chosen page (fa)');
	await zahra.getByRole('button', { name: fa['documents.save_document'] }).click();

	await expect(zahra).toHaveURL(/\/documents\/[0-9a-f-]{36}\?done=uploaded$/);
	await expect(zahra.getByRole('status').filter({ hasText: fa['documents.done_uploaded'] })).toBeVisible();
	await expect(zahra.getByRole('heading', { level: 1, name: 'نامهٔ ادارهٔ اتباع' })).toBeVisible();

	// What is stored is a re-encoded picture: no camera make, no position; served privately, never sniffed.
	const href = await zahra
		.getByRole('link', { name: fill(fa['documents.open_page'], { n: persianDigits(1) }) })
		.getAttribute('href');
	const file = await zahra.request.get(href!);
	expect(file.headers()['content-type']).toBe('image/jpeg');
	expect(file.headers()['x-content-type-options']).toBe('nosniff');
	expect(file.headers()['cache-control']).toBe('private, no-store');
	expect(file.headers()['content-disposition']).toBe(`inline; filename="IMG_2041.jpg"; filename*=UTF-8''IMG_2041.jpg`);
	const stored = await sharp(await file.body()).metadata();
	expect(stored.exif).toBeUndefined();
	const download = await zahra.request.get(`${href}?download`);
	expect(download.headers()['content-disposition']).toMatch(/^attachment; /);

	await zahra.getByLabel(fa['documents.your_question']).fill('تا چه تاریخی باید جواب بدهم؟');
	await zahra.getByRole('button', { name: fa['documents.please_explain'] }).click();
	await expect(zahra.getByRole('status').filter({ hasText: fa['documents.done_asked'] })).toBeVisible();
	await expect(zahra.getByText(fa['documents.waiting_for_answer_long'])).toBeVisible();
	await expectNoAxeViolations(zahra, 'document page, question asked (fa)');
	const documentUrl = zahra.url().replace(/\?.*$/, '');

	// The caseworker finds it in her queue and answers.
	const desk = await browser.newContext({ locale: 'de-DE' });
	const sabine = await desk.newPage();
	await signIn(sabine, 'caseworker');
	await sabine.getByRole('navigation', { name: de['nav.main'] }).getByRole('link', { name: de['nav.letters'] }).click();
	await expect(sabine.getByRole('heading', { level: 1, name: de['documents.queue_title'] })).toBeVisible();
	const request = sabine.getByRole('listitem').filter({ hasText: 'Zahra Ahmadi' });
	await expect(request.getByText('تا چه تاریخی باید جواب بدهم؟')).toBeVisible();
	await expectNoAxeViolations(sabine, 'letters queue (de)');
	await request.getByRole('link', { name: de['documents.answer_now'] }).click();
	await sabine
		.getByLabel(de['documents.your_answer'])
		.fill('Bis zum 15. Dezember. Wir schreiben die Antwort zusammen am Dienstag.');
	await expectNoAxeViolations(sabine, 'document page, staff (de)');
	await sabine.getByRole('button', { name: de['documents.send_answer'] }).click();
	await expect(sabine.getByRole('status').filter({ hasText: de['documents.done_answered'] })).toBeVisible();
	await sabine.goto('/caseload/letters');
	await expect(sabine.getByRole('listitem').filter({ hasText: 'Zahra Ahmadi' })).toHaveCount(0);

	// Zahra reads the answer under her letter.
	await zahra.goto(documentUrl);
	await expect(zahra.getByText('Bis zum 15. Dezember. Wir schreiben die Antwort zusammen am Dienstag.')).toBeVisible();
	await expect(zahra.getByText(pattern(fa['documents.answer_by'])).filter({ hasText: 'Sabine Keller' })).toBeVisible();
	await expectNoAxeViolations(zahra, 'document page, answered (fa)');

	// Who saw my data names the caseworker's look at the document, in Farsi.
	await zahra.goto('/my-data/access');
	const entries = zahra.getByRole('listitem').filter({ hasText: 'Sabine Keller' });
	await expect(entries.filter({ hasText: fa['audit.document_viewed'] }).first()).toBeVisible();
	await expect(entries.filter({ hasText: fa['audit.document_explained'] }).first()).toBeVisible();
	await phone.close();
	await desk.close();
});

test('a volunteer without a document scope gets not found', async ({ browser }) => {
	const amina = await browser.newContext({ ...PHONE });
	const aminaPage = await amina.newPage();
	await signIn(aminaPage, 'participant');
	// Her residence permit runs out in six weeks: the reminder is on her start page.
	await expect(
		aminaPage.getByText(fill(ar['documents.reminder_title'], { title: 'Aufenthaltserlaubnis (eAT)' }))
	).toBeVisible();
	await aminaPage.goto('/documents');
	const listUrl = aminaPage.url();
	await aminaPage.getByRole('link', { name: 'رسالة من الجوب سنتر' }).first().click();
	await expect(aminaPage).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
	const documentUrl = aminaPage.url();
	const fileUrl = new URL(
		(await aminaPage.getByRole('link', { name: fill(ar['documents.download_page'], { n: 1 }) }).getAttribute('href'))!,
		documentUrl
	).href;

	const desk = await browser.newContext({ locale: 'de-DE' });
	const ulrike = await desk.newPage();
	await signIn(ulrike, 'volunteer');
	await ulrike.goto(listUrl.replace('/documents', '').replace('/participants/', '/helping/'));
	await expect(ulrike.getByRole('link', { name: de['helping.open_plan'] })).toBeVisible();
	await expect(ulrike.getByRole('link', { name: de['helping.open_documents'] })).toHaveCount(0);
	for (const url of [listUrl, documentUrl, fileUrl, fileUrl.replace('?download', '/thumbnail')]) {
		const response = await ulrike.goto(url);
		expect(response?.status(), url).toBe(404);
	}
	await ulrike.goto(documentUrl);
	await expect(ulrike.getByRole('heading', { level: 1, name: de['error.not_found'] })).toBeVisible();
	await amina.close();
	await desk.close();
});

test('bad files are refused with a clear message in Arabic and nothing is stored', async ({ browser }) => {
	const phone = await browser.newContext({ ...PHONE });
	const page = await phone.newPage();
	await signIn(page, 'participant');
	await page.goto('/documents');
	const before = await documentCount(page);
	const choose = page.getByLabel(ar['documents.choose_files']);
	const alert = page.getByRole('main').getByRole('alert');

	// Too large: caught on the phone, before anything is sent.
	await choose.setInputFiles({ name: 'scan.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(16 * 1024 * 1024, 1) });
	await expect(alert).toHaveText(fill(ar['documents.rejected_too_large'], { name: 'scan.jpg' }));
	await expect(page.getByRole('list', { name: ar['documents.chosen_pages'] })).toHaveCount(0);

	const executable = Buffer.alloc(512);
	executable.write('MZ', 0, 'latin1');
	executable.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
	const cases = [
		{
			file: { name: 'Bescheid.pdf', mimeType: 'application/pdf', buffer: executable },
			message: 'documents.rejected_wrong_type'
		},
		{
			file: {
				name: 'photo.jpg',
				mimeType: 'image/jpeg',
				buffer: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 9)])
			},
			message: 'documents.rejected_corrupt'
		},
		{
			file: {
				name: 'form.pdf',
				mimeType: 'application/pdf',
				buffer: Buffer.from(
					'%PDF-1.4\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n'
				)
			},
			message: 'documents.rejected_active_pdf'
		}
	];
	for (const { file, message } of cases) {
		await page.getByLabel(ar['documents.category']).selectOption('letters');
		await page.getByLabel(ar['documents.title_field'], { exact: true }).fill('رسالة');
		await choose.setInputFiles(file);
		await page.getByRole('button', { name: ar['documents.save_document'] }).click();
		await expect(alert, file.name).toHaveText(fill(ar[message], { name: file.name }));
		await page.goto('/documents');
		expect(await documentCount(page)).toBe(before);
	}

	// A 300-character Arabic file name is kept readable and short.
	const longName = `${'رسالة'.repeat(60)}.jpg`;
	await page.getByLabel(ar['documents.category']).selectOption('other');
	await page.getByLabel(ar['documents.title_field'], { exact: true }).fill('اسم طويل');
	await choose.setInputFiles({ name: longName, mimeType: 'image/jpeg', buffer: await letterPhoto() });
	await page.getByRole('button', { name: ar['documents.save_document'] }).click();
	await expect(page).toHaveURL(/\?done=uploaded$/);
	await expect(page.getByText(`${'رسالة'.repeat(20)}.jpg`, { exact: true })).toBeVisible();
	await phone.close();
});

test.describe('without JavaScript', () => {
	test.use({ ...PHONE, javaScriptEnabled: false, locale: 'de-DE' });

	test('a participant uploads with the plain file input; a file over 15 MB gets the localised message', async ({
		page
	}) => {
		await page.goto('/login');
		await page.getByLabel(de['auth.username']).fill('participant.ti');
		await page.getByLabel(de['auth.password'], { exact: true }).fill('tandem-demo');
		await page.getByRole('main').getByRole('button', { name: de['auth.sign_in'] }).click();
		await expect(page).toHaveURL(/\/home$/);
		await page.goto('/documents');
		await page.getByLabel(ti['documents.category']).selectOption('work');
		await page.getByLabel(ti['documents.title_field'], { exact: true }).fill('ውዕል ስራሕ');
		await page
			.getByLabel(ti['documents.choose_files'])
			.setInputFiles({ name: 'big.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(16 * 1024 * 1024, 1) });
		// The refused post comes back by redirect to the page (a reload must not send 16 MB again), answering 413.
		const response = page.waitForResponse((r) => r.request().method() === 'GET' && r.request().isNavigationRequest());
		await page.getByRole('button', { name: ti['documents.save_document'] }).click();
		expect((await response).status()).toBe(413);
		expect(page.url()).not.toContain('?/');
		await expect(page.getByRole('main').getByRole('alert').first()).toHaveText(
			fill(ti['documents.rejected_too_large'], { name: 'big.jpg' })
		);
		// What was typed is still there.
		await expect(page.getByLabel(ti['documents.title_field'], { exact: true })).toHaveValue('ውዕል ስራሕ');

		await page
			.getByLabel(ti['documents.choose_files'])
			.setInputFiles({ name: 'contract.jpg', mimeType: 'image/jpeg', buffer: await letterPhoto() });
		await page.getByRole('button', { name: ti['documents.save_document'] }).click();
		await expect(page).toHaveURL(/\?done=uploaded$/);
		await expect(page.getByRole('heading', { level: 1, name: 'ውዕል ስራሕ' })).toBeVisible();
	});
});

test('a request larger than any upload is refused before it is read, with a localised page', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'de-DE' });
	const page = await context.newPage();
	await signIn(page, 'caseworker');
	const response = await page.request.post('/participants/00000000-0000-0000-0000-000000000000/documents?/upload', {
		multipart: {
			category: 'letters',
			title: 'x',
			pages: { name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(62 * 1024 * 1024) }
		},
		headers: { origin: new URL(page.url()).origin }
	});
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain(de['documents.rejected_too_large_total']);
	await context.close();
});

test('the caseload flags an expiring residence permit and a letter to explain', async ({ page }) => {
	await signIn(page, 'caseworker');
	await page.goto('/caseload?attention=letters');
	const amina = page.getByRole('listitem').filter({ hasText: 'Al-Hassan, Amina' });
	await expect(amina.getByText(plural(en, 'caseload.letters_count'))).toBeVisible();
	await expect(amina.getByText(plural(en, 'caseload.documents_expiring_count'))).toBeVisible();
	await page.goto('/caseload?attention=documents_expiring');
	await expect(page.getByRole('listitem').filter({ hasText: 'Al-Hassan, Amina' })).toBeVisible();
	await expectNoAxeViolations(page, 'caseload with document flags (en)');
	await page.getByRole('link', { name: 'Al-Hassan, Amina' }).click();
	await page.getByRole('main').getByRole('link', { name: en['documents.open_documents'], exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: fill(en['documents.documents_of'], { name: 'Amina Al-Hassan' }) })
	).toBeVisible();
	await expect(page.getByRole('heading', { name: en['documents.expiring_title'] })).toBeVisible();
	await expectNoAxeViolations(page, 'documents of a participant, staff (en)');
});
