import { expect, test, type Browser, type Page } from '@playwright/test';
import { ar, de, expectDocumentLanguage, fill, LANGUAGE_NAMES, PHONE, signedInContext } from './helpers';

// One case from the shelter's handover to its closure, and what the person reads on her phone in Arabic after
// each step. Staff work in German at the office.
const CODE_PATTERN = /[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}/;
const MBE = 'Migrationsberatung für Erwachsene (MBE) – Caritas Ludwigsburg-Waiblingen-Enz';
const JOBCENTER = 'Jobcenter Landkreis Ludwigsburg';

const berlinDay = (days: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + days * 86_400_000));

async function handOver(staff: Page, family: string): Promise<string> {
	await staff.goto('/participants/new?handover');
	await staff.getByRole('textbox', { name: de['participant.given_name'], exact: true }).fill('Hiba');
	await staff.getByRole('textbox', { name: de['participant.family_name'], exact: true }).fill(family);
	await staff.getByRole('combobox', { name: de['participant.residence_status'] }).selectOption('refugee');
	await staff.getByRole('combobox', { name: de['participant.language'], exact: true }).selectOption('ar');
	await staff.getByRole('combobox', { name: de['participant.town'] }).selectOption({ label: 'Stadt Ditzingen' });
	await staff.getByRole('textbox', { name: de['handover.service'] }).fill('Sozialdienst GU Ludwigsburg');
	await staff.getByLabel(de['handover.allocated_on']).fill(berlinDay(0));
	await staff.getByRole('textbox', { name: de['field.work'] }).fill('Sucht eine Stelle als Schneiderin.');
	await staff.getByLabel(de['handover.paper_consent_on']).fill(berlinDay(0));
	await staff.getByRole('button', { name: de['participant.create'] }).click();
	await expect(staff).toHaveURL(/\/participants\/[0-9a-f-]{36}\/case\?/);
	await expect(staff.getByRole('region', { name: de['case.overview'] })).toContainText(de['case_status.referred']);
	return new URL(staff.url()).pathname.split('/')[2];
}

/** The caseworker gives her a code; she makes her account on her own phone, in Arabic. */
async function activateOnHerPhone(browser: Browser, staff: Page, id: string, family: string): Promise<Page> {
	await staff.goto(`/participants/${id}/invitation`);
	await staff.getByRole('button', { name: de['invitation.issue'] }).click();
	const code = (await staff.getByText(CODE_PATTERN).first().innerText()).trim();
	const phone = await browser.newContext({ ...PHONE, locale: 'ar' });
	const page = await phone.newPage();
	await page.goto('/activate');
	await page.getByRole('textbox', { name: ar['activate.code_label'] }).fill(code);
	await page.getByRole('button', { name: ar['activate.continue'] }).click();
	await page.getByRole('main').getByRole('button', { name: LANGUAGE_NAMES.ar, exact: true }).click();
	await page.getByRole('textbox', { name: ar['auth.username'] }).fill(`hiba.${family.toLowerCase()}`);
	await page.getByLabel(ar['auth.new_password'], { exact: true }).fill('sesam-oeffne-dich');
	await page.getByLabel(ar['auth.repeat_password'], { exact: true }).fill('sesam-oeffne-dich');
	await page.getByRole('checkbox', { name: ar['activate.privacy_confirm'] }).check();
	await page.getByRole('button', { name: ar['activate.finish'] }).click();
	await expect(page).toHaveURL(/\/home\?welcome=1$/);
	return page;
}

async function expectHerCase(phone: Page, status: string, text: string) {
	await phone.goto('/my-case');
	await expectDocumentLanguage(phone, 'ar');
	await expect(phone.getByRole('heading', { level: 2, name: ar[`case_status.${status}`] })).toBeVisible();
	await expect(phone.getByRole('main')).toContainText(text);
}

test('a case from handover to closure, and what she reads in Arabic at each step', async ({ browser }) => {
	test.setTimeout(120_000);
	const family = `Saleh${Date.now() % 100_000}`;
	const staff = await signedInContext(browser, 'caseworker', { locale: 'de-DE' });
	const cw = staff.page;

	// 1. The shelter's social service hands her over: her case is "referred", waiting for the first talk.
	const id = await handOver(cw, family);
	const phone = await activateOnHerPhone(browser, cw, id, family);
	await expectHerCase(phone, 'referred', ar['my_case.status_referred']);

	// 2. The first talk starts her counselling period, and she sees the meeting (not its notes).
	await cw.goto(`/participants/${id}/contacts/new`);
	await cw.getByRole('checkbox', { name: de['field.work'], exact: true }).check();
	await cw.getByRole('button', { name: de['contacts.save'] }).click();
	await expect(cw).toHaveURL(/\/contacts\?done=recorded$/);
	await cw.goto(`/participants/${id}/case`);
	await expect(cw.getByRole('region', { name: de['case.overview'] })).toContainText(de['case_status.active']);
	await expectHerCase(phone, 'active', ar['my_case.status_active']);
	await phone.goto('/my-case/meetings');
	await expect(phone.getByRole('main').locator('ol.contacts > li')).toHaveCount(1);
	await expect(phone.getByRole('main')).toContainText(ar['contact_kind.first_talk']);
	await expect(phone.getByRole('main')).toContainText(ar['field.work']);

	// 3. Her integration plan gets its first goal.
	await cw.goto(`/participants/${id}/plan/goals/new`);
	await cw.getByRole('textbox', { name: de['plan.goal_title'], exact: true }).fill('Arbeit als Schneiderin finden');
	await cw.getByRole('combobox', { name: de['plan.field'], exact: true }).selectOption('work');
	await cw.getByRole('button', { name: de['plan.add_goal'] }).click();
	await expect(cw).toHaveURL(new RegExp(`/participants/${id}/plan`));
	await phone.goto('/plan');
	await expect(phone.getByRole('main')).toContainText('Arbeit als Schneiderin finden');

	// 4. A referral to the Jobcenter (no data passed on): she finds it among everything held about her.
	await cw.goto(`/participants/${id}/referrals`);
	await cw.getByLabel(de['referrals.service'], { exact: true }).selectOption({ label: JOBCENTER });
	await cw.getByRole('button', { name: de['referrals.make'] }).click();
	await expect(cw.getByRole('status')).toHaveText(de['referrals.made']);
	await phone.goto('/my-data/everything');
	const counselling = phone.getByRole('region', { name: ar['rights.casework_title'] });
	await expect(counselling).toContainText(ar['referral_target.jobcenter']);
	await expect(counselling).toContainText(JOBCENTER);
	await expect(counselling).toContainText(fill(ar['rights.meetings_count_one'], { count: 1 }));

	// 5. Handed over to the MBE, with a meeting of all three next week: she reads whom she is handed to.
	await cw.goto(`/participants/${id}/case`);
	await cw.getByText(de['case.transfer'], { exact: true }).click();
	await cw.getByRole('combobox', { name: de['case.transfer_target'] }).selectOption('mbe');
	const directory = cw.getByRole('combobox', { name: de['case.service_from_directory'] });
	const mbe = await directory.locator('option', { hasText: MBE }).first().getAttribute('value');
	await directory.selectOption(mbe!);
	await cw.getByLabel(de['appointments.date']).fill(berlinDay(7));
	await cw.getByLabel(de['appointments.start']).fill('10:00');
	await cw.getByLabel(de['appointments.end']).fill('11:00');
	await cw.getByRole('button', { name: de['case.transfer_confirm'] }).click();
	await expect(cw.getByRole('region', { name: de['case.overview'] })).toContainText(de['case_status.transferred']);
	await expectHerCase(phone, 'transferred', MBE);

	// 6. Closed after the handover: she reads what closure means for her data and whom to ask from now on.
	await cw.getByRole('button', { name: de['case.close'] }).click();
	const dialog = cw.getByRole('dialog', { name: de['case.close'] });
	await dialog.getByRole('combobox', { name: de['case.closure_reason'] }).selectOption('transferred_mbe');
	await dialog.getByRole('button', { name: de['case.close_confirm'] }).click();
	await expect(cw.getByRole('region', { name: de['case.overview'] })).toContainText(de['case_status.closed']);
	await expectHerCase(phone, 'closed', ar['my_case.status_closed']);
	const notice = phone.getByRole('region', { name: ar['my_case.letter_title'] });
	await expect(notice).toContainText(ar['my_case.data_text']);
	await expect(notice).toContainText(MBE);
	// Her own data stay readable: her plan is still there.
	await phone.goto('/plan');
	await expect(phone.getByRole('main')).toContainText('Arbeit als Schneiderin finden');

	await phone.context().close();
	await staff.context.close();
});
