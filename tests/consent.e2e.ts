import { expect, test } from '@playwright/test';
import {
	ar,
	catalogueGoal,
	de,
	expectDocumentLanguage,
	expectNoAxeViolations,
	fill,
	PHONE,
	signIn,
	ti
} from './helpers';

// Selam (Tigrinya, on her phone) shares her plan with a volunteer for three months, then withdraws it.
test('a participant grants a volunteer plan access, withdraws it, and sees every access', async ({ browser }) => {
	const phone = await browser.newContext({ ...PHONE });
	const selam = await phone.newPage();
	await signIn(selam, 'participant.ti');
	await expectDocumentLanguage(selam, 'ti');

	await selam.getByRole('navigation', { name: ti['nav.main'] }).getByRole('link', { name: ti['nav.my_data'] }).click();
	await expectNoAxeViolations(selam, 'my data (ti)');
	await selam.getByRole('link', { name: ti['rights.manage_sharing'] }).click();
	await selam.getByRole('link', { name: ti['consent.share_new'] }).click();
	await expect(selam.getByRole('heading', { name: ti['consent.notice_title'] })).toBeVisible();
	await expectNoAxeViolations(selam, 'share form (ti)');
	await selam.getByLabel(ti['consent.grantee_name']).fill('Peter');
	await selam.getByLabel(ti['consent.purpose']).fill('ምስ ደብዳቤታት ሓገዝ');
	await expect(selam.getByRole('checkbox', { name: ti['scope.plan_read'] })).toBeChecked();
	await selam.getByLabel(ti['consent.how_long']).selectOption('3');
	await selam.getByRole('button', { name: ti['consent.confirm_share'] }).click();
	const code = (await selam.locator('.code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);

	// The volunteer (an existing account) accepts the code and sees the plan, and nothing else.
	const desk = await browser.newContext({ locale: 'de-DE' });
	const peter = await desk.newPage();
	await signIn(peter, 'volunteer2');
	await peter.goto(`/join?code=${code}`);
	await expect(peter).toHaveURL(/\/join$/);
	await expect(peter.getByRole('heading', { name: fill(de['join.trusts_you'], { name: 'Selam' }) })).toBeVisible();
	await expectNoAxeViolations(peter, 'join (de)');
	await peter.getByRole('button', { name: de['join.accept'] }).click();
	await expect(peter.getByRole('note')).toHaveText(fill(de['helping.acting_for'], { name: 'Selam Tesfay' }));
	await expect(peter.getByRole('listitem').filter({ hasText: de['scope.plan_read'] })).toBeVisible();
	await expect(peter.getByRole('heading', { name: de['home.my_contact'] })).toHaveCount(0);
	const personUrl = peter.url().replace(/\?.*$/, '');
	await expectNoAxeViolations(peter, 'volunteer person page (de)');

	await peter.getByRole('link', { name: de['helping.open_plan'] }).click();
	await expect(peter).toHaveURL(/\/participants\/[^/]+\/plan$/);
	const planUrl = peter.url();
	await expect(peter.getByRole('note')).toHaveText(fill(de['helping.acting_for'], { name: 'Selam Tesfay' }));
	await expect(peter.getByRole('heading', { name: catalogueGoal('training').title.de })).toBeVisible();
	// Read only: no ticking, no editing, no agreeing on her behalf.
	await expect(peter.getByRole('button', { name: /.+/ }).filter({ has: peter.locator('[aria-pressed]') })).toHaveCount(
		0
	);
	await expect(peter.locator('button[aria-pressed]')).toHaveCount(0);
	await expect(peter.getByRole('button', { name: de['plan.i_agree'] })).toHaveCount(0);
	await expectNoAxeViolations(peter, 'plan as volunteer (de)');
	// Not shared: her case record and her contact details stay closed.
	const record = await peter.goto(planUrl.replace(/\/plan$/, ''));
	expect(record?.status()).toBe(404);

	await peter.goto('/helping');
	await expect(peter.getByRole('link', { name: 'Selam Tesfay' })).toBeVisible();

	// Selam withdraws (one tap, and a yes); the volunteer's next page load finds nothing.
	await selam.goto('/my-data/sharing');
	await expectNoAxeViolations(selam, 'sharing list (ti)');
	await selam.getByRole('button', { name: fill(ti['consent.withdraw_named'], { name: 'Peter' }) }).click();
	await selam.getByRole('dialog').getByRole('button', { name: ti['consent.withdraw_confirm'] }).click();
	await expect(selam.getByRole('status')).toHaveText(ti['consent.done_withdrawn']);

	for (const url of [planUrl, personUrl]) {
		const response = await peter.goto(url);
		expect(response?.status()).toBe(404);
		await expect(peter.getByRole('heading', { level: 1, name: de['error.not_found'] })).toBeVisible();
	}
	await peter.goto('/helping');
	await expect(peter.getByRole('link', { name: 'Selam Tesfay' })).toHaveCount(0);

	// Who saw my data: both looks by the volunteer are there, in Tigrinya.
	await selam.goto('/my-data/access');
	const entries = selam.getByRole('listitem').filter({ hasText: 'Peter Hoffmann' });
	await expect(entries.filter({ hasText: ti['audit.plan_viewed'] }).first()).toBeVisible();
	await expect(entries.filter({ hasText: ti['audit.participant_viewed'] }).first()).toBeVisible();
	await expectNoAxeViolations(selam, 'who saw my data (ti)');

	// The receipt records what she agreed to, in which language, and that it was withdrawn.
	await selam.goto('/my-data/sharing');
	await selam.getByRole('link', { name: ti['consent.receipt'] }).first().click();
	await expectNoAxeViolations(selam, 'receipt (ti)');
	const receiptUrl = `${selam.url()}/receipt.json`;
	const receipt = await (await selam.request.get(receiptUrl)).json();
	expect(receipt).toMatchObject({ language: 'ti', state: { current: 'withdrawn' } });
	expect(receipt.services[0].purposes[0]).toMatchObject({
		thirdPartyName: 'Peter',
		piiCategory: ['plan.read'],
		consentType: 'EXPLICIT'
	});
	expect(receipt.history.map((h: { state: string }) => h.state)).toEqual(['pending', 'given', 'withdrawn']);

	await phone.close();
	await desk.close();
});

test('a participant downloads everything Tandem holds about them, in Arabic', async ({ browser }) => {
	const phone = await browser.newContext({ ...PHONE });
	const amina = await phone.newPage();
	await signIn(amina, 'participant');
	await amina.goto('/my-data/everything');
	await expectDocumentLanguage(amina, 'ar');
	await expect(amina.getByRole('heading', { level: 1, name: ar['rights.everything_title'] })).toBeVisible();
	await expect(amina.getByText('Ulrike (Helferkreis Ditzingen)')).toBeVisible();
	await expect(amina.getByRole('link', { name: 'Aufenthaltserlaubnis (eAT)' })).toBeVisible();
	await expectNoAxeViolations(amina, 'everything (ar)');
	const download = await amina.request.get('/my-data/export.json');
	expect(download.headers()['content-disposition']).toContain('attachment');
	const data = await download.json();
	expect(data.person).toMatchObject({ givenName: 'Amina', familyName: 'Al-Hassan' });
	expect(data.plan.goals.length).toBeGreaterThan(0);
	expect(data.consents.map((c: { granteeName: string }) => c.granteeName)).toContain('Jobcenter Landkreis Ludwigsburg');
	expect(Array.isArray(data.accessLog)).toBe(true);
	expect(data.documents.map((d: { category: string }) => d.category)).toContain('residence_permit');
	await phone.close();
});

test('a caseworker records a correction request and ends a sharing with a reason', async ({ browser }) => {
	const desk = await browser.newContext({ locale: 'de-DE' });
	const page = await desk.newPage();
	await signIn(page, 'caseworker');
	await page.goto('/caseload?q=Al-Hassan');
	await page.getByRole('link', { name: 'Al-Hassan, Amina' }).click();
	await expect(page.getByRole('heading', { name: de['consent.staff_title'] })).toBeVisible();
	await page.getByLabel(de['rights.record_correction']).fill('Geburtsdatum ist falsch: 03.08.1976');
	await page.getByRole('button', { name: de['rights.record_correction_button'] }).click();
	await page.getByRole('button', { name: de['rights.mark_corrected'], exact: true }).click();
	await expect(page.getByText(de['rights.correction_corrected'])).toBeVisible();
	await expectNoAxeViolations(page, 'participant page with consents (de)');

	const jobcenter = page.getByRole('article', { name: /Jobcenter Landkreis Ludwigsburg/ });
	await jobcenter.getByRole('button', { name: de['consent.revoke'], exact: true }).click();
	const revoke = page.getByRole('dialog', { name: de['consent.revoke'] });
	await revoke.getByLabel(de['consent.revoke_reason']).fill('Fall an die Migrationsberatung übergeben');
	await revoke.getByRole('button', { name: de['consent.revoke_confirm'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['consent.done_revoked']);
	await expect(page.getByRole('article', { name: /Jobcenter Landkreis Ludwigsburg/ })).toContainText(
		'Fall an die Migrationsberatung übergeben'
	);
	await desk.close();
});

test('the new consent pages have no axe violations right-to-left', async ({ browser }) => {
	const phone = await browser.newContext({ ...PHONE });
	const amina = await phone.newPage();
	await signIn(amina, 'participant');
	for (const path of ['/my-data', '/my-data/sharing', '/my-data/sharing/new', '/my-data/access']) {
		await amina.goto(path);
		await expectDocumentLanguage(amina, 'ar');
		await expectNoAxeViolations(amina, `${path} (ar)`);
	}
	await amina.goto('/my-data/sharing');
	await amina.getByRole('link', { name: ar['consent.receipt'] }).first().click();
	await expectNoAxeViolations(amina, 'receipt (ar)');
	await phone.close();

	const volunteerPhone = await browser.newContext({ ...PHONE, locale: 'fa-IR' });
	const ulrike = await volunteerPhone.newPage();
	await signIn(ulrike, 'volunteer');
	await expectDocumentLanguage(ulrike, 'fa');
	await expectNoAxeViolations(ulrike, 'helping (fa)');
	await ulrike.getByRole('link', { name: 'Amina Al-Hassan' }).click();
	await expectNoAxeViolations(ulrike, 'volunteer person page (fa)');
	await ulrike.goto('/join');
	await expectNoAxeViolations(ulrike, 'join (fa)');
	await volunteerPhone.close();
});
