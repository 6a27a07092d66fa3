import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	ar,
	de,
	expectDocumentLanguage,
	expectNoAxeViolations,
	fill,
	openAllDetails,
	PHONE,
	signedInContext,
	signIn
} from './helpers';

/** A participant's record the way staff open it at work: search the caseload, follow the name. */
async function openRecord(page: Page, search: string, name: string): Promise<string> {
	await page.goto('/caseload');
	await page.getByRole('searchbox', { name: de['caseload.search'] }).fill(search);
	await page.getByRole('button', { name: de['caseload.apply'] }).click();
	await page.waitForURL(/\/caseload\?/);
	await page.getByRole('main').getByRole('list').getByRole('link', { name, exact: true }).click();
	await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
	return new URL(page.url()).pathname;
}

// German, the staff's everyday language.
test.use({ locale: 'de-DE' });
const GERMAN = { locale: 'de-DE' };

/**
 * The pages once more right to left, from a browser that asks for Farsi: the account keeps no language of its
 * own, so nothing changes for the other journeys.
 */
async function axeInFarsi(browser: Browser, username: string, paths: string[]) {
	const { context, page } = await signedInContext(browser, username, { locale: 'fa-IR' });
	try {
		for (const path of paths) {
			await page.goto(path);
			await expectDocumentLanguage(page, 'fa');
			await openAllDetails(page);
			await expectNoAxeViolations(page, `${path} (fa)`);
		}
	} finally {
		await context.close();
	}
}

test('an admin adds a service to the county directory and finds it by its kind', async ({ page, browser }) => {
	await signIn(page, 'admin');
	await page.getByRole('link', { name: de['nav.services'] }).click();
	await expect(page.getByRole('heading', { level: 1, name: de['services.title'] })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Ausländerbehörde Landratsamt Ludwigsburg' })).toBeVisible();
	await openAllDetails(page);
	await expectNoAxeViolations(page, '/admin/services');

	await page.getByLabel(de['services.target']).last().selectOption({ label: de['referral_target.debt_counselling'] });
	await page.getByLabel(de['services.name']).fill('Schuldnerberatung Caritas Ditzingen');
	await page.getByLabel(de['services.address']).fill('Marktstraße 5, 71254 Ditzingen');
	await page.getByLabel(de['services.phone']).fill('07156 4321-0');
	await page.getByRole('button', { name: de['services.add_button'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['services.added']);
	// The list now shows that kind only, with the new entry beside the county's own debt counselling.
	await expect(page.getByRole('heading', { name: 'Schuldnerberatung Caritas Ditzingen' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Ausländerbehörde Landratsamt Ludwigsburg' })).toHaveCount(0);

	// A phone number that is none is refused with a message, and nothing is added.
	await openAllDetails(page);
	await page.getByLabel(de['services.name']).fill('Irgendwas');
	await page.getByLabel(de['services.target']).last().selectOption({ label: de['referral_target.other'] });
	await page.getByLabel(de['services.phone']).fill('ruf an');
	await page.getByRole('button', { name: de['services.add_button'] }).click();
	await expect(page.getByText(de['form.phone_invalid'])).toBeVisible();
	await axeInFarsi(browser, 'admin', ['/admin/services']);
});

test('a caseworker refers Amina: passing data on needs her consent naming the service', async ({ page, browser }) => {
	await signIn(page, 'caseworker');
	const record = await openRecord(page, 'Al-Hassan', 'Al-Hassan, Amina');
	await page.getByRole('main').getByRole('link', { name: de['participant.open_referrals'], exact: true }).click();
	await expect(page).toHaveURL(`${record}/referrals`);
	// The demo's referrals: the Jobcenter on her consent, accepted.
	await expect(page.getByRole('heading', { name: 'Jobcenter Landkreis Ludwigsburg' })).toBeVisible();
	await expectNoAxeViolations(page, 'referrals');

	const service = page.getByLabel(de['referrals.service'], { exact: true });
	const sharesData = page.getByLabel(de['referrals.shares_data']);
	await service.selectOption({ label: 'Agentur für Arbeit Ludwigsburg' });
	await sharesData.check();
	await page.getByRole('button', { name: de['referrals.make'] }).click();
	await expect(page.getByRole('alert')).toHaveText(de['referrals.needs_consent']);
	await expect(page.getByRole('link', { name: de['referrals.record_consent'] })).toHaveAttribute(
		'href',
		`${record}#sharing`
	);
	await expect(page.getByRole('heading', { name: 'Agentur für Arbeit Ludwigsburg' })).toHaveCount(0);

	// Without passing data on, she goes there herself: no consent needed.
	await page
		.getByLabel(de['referrals.service'], { exact: true })
		.selectOption({ label: 'Agentur für Arbeit Ludwigsburg' });
	await page.getByLabel(de['referrals.shares_data']).uncheck();
	await page.getByRole('button', { name: de['referrals.make'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['referrals.made']);
	const agency = page
		.getByRole('listitem')
		.filter({ has: page.getByRole('heading', { name: 'Agentur für Arbeit Ludwigsburg' }) });
	await expect(agency).toContainText(de['referral_status.made']);

	// The Jobcenter is named in her paper consent: data may go there. (Another journey revokes the demo's one,
	// so record it here, as the caseworker would at the office.)
	await page.goto(record);
	await page.getByText(de['consent.record_paper'], { exact: true }).click();
	await page.getByLabel(de['consent.service_name']).fill('Jobcenter Landkreis Ludwigsburg');
	await page.getByLabel(de['consent.purpose']).fill('Vermittlung in Arbeit');
	await page.getByRole('checkbox', { name: de['scope.contact_read'] }).check();
	await page.getByLabel(de['consent.paper_note']).fill('Unterschrieben im Büro');
	await page.getByRole('button', { name: de['consent.record_paper_button'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['consent.done_recorded']);
	await page.goto(`${record}/referrals`);
	await page
		.getByLabel(de['referrals.service'], { exact: true })
		.selectOption({ label: 'Jobcenter Landkreis Ludwigsburg' });
	await page.getByLabel(de['referrals.shares_data']).check();
	await page.getByRole('button', { name: de['referrals.make'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['referrals.made']);

	await agency.getByRole('button', { name: de['referrals.mark_accepted'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['form.saved']);
	await expect(agency).toContainText(de['referral_status.accepted']);

	// "Did not happen" is final: it asks once before it is written.
	await agency.getByRole('button', { name: `${de['referrals.mark_failed']}: Agentur für Arbeit Ludwigsburg` }).click();
	const dialog = page.getByRole('dialog');
	await expect(dialog).toContainText(fill(de['referrals.fail_question'], { name: 'Agentur für Arbeit Ludwigsburg' }));
	await dialog.getByRole('button', { name: de['referrals.fail_confirm'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['form.saved']);
	await expect(agency).toContainText(de['referral_status.failed']);
	await expect(agency.getByRole('button')).toHaveCount(0);
	await axeInFarsi(browser, 'caseworker', [`${record}/referrals`]);
});

test('a caseworker corrects an entry assessment and records the exit snapshot: both side by side', async ({
	page,
	browser
}) => {
	await signIn(page, 'caseworker');
	const record = await openRecord(page, 'Ahmadi', 'Ahmadi, Zahra');
	await page.getByRole('main').getByRole('link', { name: de['participant.open_assessment'], exact: true }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: new RegExp(de['assessment_page.title_entry']) })
	).toBeVisible();
	await expect(page.getByLabel(de['assessment.german_level'])).toHaveValue('none');
	await page.getByLabel(de['assessment.german_level']).selectOption({ label: de['german_level.a1'] });
	await page.getByRole('button', { name: de['form.save'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['form.saved']);
	await expect(page.getByLabel(de['assessment.german_level'])).toHaveValue('a1');

	await page.getByRole('link', { name: de['assessment_page.exit'] }).click();
	await expect(
		page.getByRole('heading', { level: 1, name: new RegExp(de['assessment_page.title_exit']) })
	).toBeVisible();
	await page.getByLabel(de['assessment.german_level']).selectOption({ label: de['german_level.b1'] });
	await page.getByLabel(de['assessment.work']).selectOption({ label: de['work_situation.training'] });
	await page.getByLabel(de['assessment.residence_expires_on']).fill('2029-01-31');
	await page.getByRole('button', { name: de['form.save'] }).click();
	await expect(page.getByRole('status')).toHaveText(de['form.saved']);
	const compare = page.getByRole('table', { name: de['assessment_page.compare'] });
	await expect(compare.getByRole('row', { name: new RegExp(de['assessment.german_level']) })).toContainText(
		de['german_level.b1']
	);
	await expectNoAxeViolations(page, 'assessment');
	await axeInFarsi(browser, 'caseworker', [
		`${record}/assessment`,
		`${record}/assessment?kind=exit`,
		`${record}/notes`
	]);
});

test.describe('a note shared with Amina, on her phone in Arabic', () => {
	test('she reads it marked as written in German; staff-only and sensitive notes stay with staff', async ({
		browser
	}) => {
		const staff = await signedInContext(browser, 'caseworker', GERMAN);
		const body = `Bitte bringen Sie am Montag Ihren Pass mit. ${Date.now()}`;
		const hidden = `Nur für das Team ${Date.now()}`;
		try {
			const record = await openRecord(staff.page, 'Al-Hassan', 'Al-Hassan, Amina');
			await staff.page.getByRole('main').getByRole('link', { name: de['participant.open_notes'], exact: true }).click();
			await expect(staff.page).toHaveURL(`${record}/notes`);
			await expectNoAxeViolations(staff.page, 'notes');
			await staff.page.getByLabel(de['notes.body'], { exact: true }).fill(body);
			await staff.page.getByLabel(de['notes.shared']).check();
			await staff.page.getByRole('button', { name: de['notes.save'] }).click();
			await expect(staff.page.getByRole('status')).toHaveText(de['notes.written']);
			await staff.page.getByLabel(de['notes.body'], { exact: true }).fill(hidden);
			await staff.page.getByLabel(de['notes.sensitive']).check();
			await staff.page.getByRole('button', { name: de['notes.save'] }).click();
			await expect(staff.page.getByText(hidden)).toBeVisible();
		} finally {
			await staff.context.close();
		}

		const amina = await signedInContext(browser, 'participant', PHONE);
		try {
			const { page } = amina;
			await page.getByRole('link', { name: ar['my_notes.open'] }).click();
			await expect(page).toHaveURL(/\/my-case\/notes$/);
			await expectDocumentLanguage(page, 'ar');
			const note = page.getByRole('listitem').filter({ hasText: body });
			await expect(note).toContainText(ar['my_notes.written_in_german']);
			await expect(note.getByText(body)).toHaveAttribute('lang', 'de');
			await expect(page.getByText(hidden)).toHaveCount(0);
			await expect(page.getByText('Familiennachzug')).toHaveCount(0);
			await expectNoAxeViolations(page, '/my-case/notes (ar)');
			const scroll = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
			expect(scroll, 'the page scrolls sideways').toBeLessThanOrEqual(360);
			const small = await page.evaluate(() =>
				[...document.querySelectorAll<HTMLElement>('main a[href], main button')]
					.filter((el) => el.getBoundingClientRect().height < 44)
					.map((el) => el.textContent?.trim())
			);
			expect(small, 'touch targets smaller than 44 px').toEqual([]);

			// The demo's note on her first goal shows under that goal on her own plan, marked as German.
			await page.goto('/plan');
			const onGoal = page.getByText(/Mietvertrag und die Kontoauszüge/);
			await expect(onGoal).toHaveAttribute('lang', 'de');
			await expect(page.getByRole('complementary', { name: ar['my_notes.on_goal'] }).first()).toContainText(
				ar['my_notes.written_in_german']
			);
			await expectNoAxeViolations(page, '/plan with a shared note (ar)');
		} finally {
			await amina.context.close();
		}
	});

	test('volunteers and other participants find no case-work page (404)', async ({ browser }) => {
		const staff = await signedInContext(browser, 'caseworker', GERMAN);
		const record = await openRecord(staff.page, 'Al-Hassan', 'Al-Hassan, Amina');
		await staff.context.close();
		for (const username of ['volunteer', 'participant.ti', 'caseworker2']) {
			const other = await signedInContext(browser, username, GERMAN);
			for (const sub of ['notes', 'referrals', 'assessment']) {
				const response = await other.page.goto(`${record}/${sub}`);
				expect(response?.status(), `${username} ${sub}`).toBe(404);
			}
			await other.context.close();
		}
	});
});
