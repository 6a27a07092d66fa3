import { expect, test, type Page } from '@playwright/test';
import {
	ar,
	catalogueGoal,
	de,
	expectDocumentLanguage,
	expectNoAxeViolations,
	expectSuccess,
	fa,
	fill,
	openAllDetails,
	openPlanAsStaff,
	pattern,
	PHONE,
	plural,
	signedInContext,
	signIn,
	type Locale,
	type Messages
} from './helpers';

// The caseworker is the page fixture: staff in Baden-Württemberg, a German browser on a desktop.
// Participants get their own phone-sized context; their saved language decides their pages' language.
test.use({ locale: 'de-DE' });

// This file owns Zahra Ahmadi's plan (participant.fa): it changes it, and no other test file reads it.
// Amina's plan (participant) is only read here (axe), never changed: tests/plan-print.e2e.ts prints it.
const ZAHRA = { search: 'Ahmadi', listName: 'Ahmadi, Zahra', name: 'Zahra Ahmadi' };
const AMINA = { search: 'Al-Hassan', listName: 'Al-Hassan, Amina' };

// The demo data gives Zahra the first catalogue goal of 'health' (in progress) and of 'residence'.
const HEALTH = catalogueGoal('health');
const RESIDENCE = catalogueGoal('residence');

// Her own goal, in her own words.
const PROPOSAL = {
	title: 'می‌خواهم در یک نانوایی کار کنم',
	why: 'در افغانستان نانوا بودم و این کار را دوست دارم.'
};

const DAY = 24 * 60 * 60 * 1000;
/** A calendar day in Germany, `days` from today, as a date input takes it. */
const isoInDays = (days: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date(Date.now() + days * DAY));
/** A date as German pages show it ("6. Januar 2027"). */
const germanDate = (iso: string) =>
	new Intl.DateTimeFormat('de', { dateStyle: 'long', timeZone: 'Europe/Berlin' }).format(new Date(`${iso}T12:00:00Z`));

const PLAN_PATH = /^\/participants\/[0-9a-f-]{36}\/plan$/;

test('Zahra and her caseworker shape, review and agree her plan, each in their own language', async ({
	page,
	browser
}) => {
	test.slow();
	const zahra = await signedInContext(browser, 'participant.fa', { ...PHONE });
	const z = zahra.page;
	try {
		// a. Zahra opens her plan from her home page: /plan leads to her own plan, in Persian, right to left.
		await expect(z).toHaveURL(/\/home$/);
		await z.getByRole('link', { name: fa['plan.open_my_plan'] }).click();
		await expect(z).toHaveURL(/\/participants\/[0-9a-f-]{36}\/plan$/);
		const planPath = new URL(z.url()).pathname;
		await expectDocumentLanguage(z, 'fa');
		await expect(z.getByRole('heading', { level: 1, name: fa['plan.my_plan'] })).toBeVisible();
		// Catalogue goals read in her language, though her caseworker wrote the plan in German.
		await expect(z.getByRole('heading', { level: 3, name: HEALTH.title.fa })).toBeVisible();
		await expect(z.getByRole('heading', { level: 3, name: RESIDENCE.title.fa })).toBeVisible();
		await expect(z.getByText(HEALTH.title.de)).toHaveCount(0);

		const stepText = HEALTH.steps[0].text.fa;
		const tick = z.getByRole('button', { name: fill(fa['plan.step_done_label'], { step: stepText }), exact: true });
		await expect(tick).toHaveAttribute('aria-pressed', 'false');
		await tick.click();
		await expect(z).toHaveURL(`${planPath}?done=step_done`);
		await expectSuccess(z, fa['plan.done_step_done']);
		await expect(tick).toHaveAttribute('aria-pressed', 'true');

		// b. She proposes a goal of her own, in Persian.
		await z.getByRole('link', { name: fa['plan.propose_goal'] }).click();
		await expect(z).toHaveURL(`${planPath}/goals/new`);
		await expect(z.getByRole('heading', { level: 1, name: fa['plan.propose_goal'] })).toBeVisible();
		await z.getByRole('textbox', { name: fa['plan.goal_title'], exact: true }).fill(PROPOSAL.title);
		await z.getByRole('combobox', { name: fa['plan.field'], exact: true }).selectOption('work');
		await z.getByRole('textbox', { name: fa['plan.why_label'] }).fill(PROPOSAL.why);
		await z.getByRole('button', { name: fa['plan.propose_goal'] }).click();
		await expect(z).toHaveURL(new RegExp(`${planPath}\\?done=proposed#goal-[0-9a-f-]{36}$`));
		await expectSuccess(z, fa['plan.done_proposed']);
		const mine = z
			.getByRole('region', { name: fa['plan.proposals_self'], exact: true })
			.getByRole('listitem')
			.filter({ hasText: PROPOSAL.title });
		await expect(mine).toContainText(PROPOSAL.why);
		await expect(mine).toContainText(fa['plan.proposal_waiting']);
		// Written in her own language: no "written in …" note for her.
		await expect(mine).not.toContainText(pattern(fa['plan.written_in']));

		// c. The caseworker finds Zahra in the caseload and sees the proposal as written, marked as Persian.
		await signIn(page, 'caseworker');
		expect(await openPlanAsStaff(page, ZAHRA.search, ZAHRA.listName)).toBe(planPath);
		await expectDocumentLanguage(page, 'de');
		await expect(
			page.getByRole('heading', { level: 1, name: fill(de['plan.plan_of'], { name: ZAHRA.name }) })
		).toBeVisible();
		await expect(page.getByRole('heading', { level: 3, name: HEALTH.title.de })).toBeVisible();
		const proposals = page.getByRole('region', {
			name: fill(de['plan.proposals_of'], { name: ZAHRA.name }),
			exact: true
		});
		const proposal = proposals.getByRole('listitem').filter({ hasText: PROPOSAL.title });
		await expect(proposal).toContainText(fill(de['plan.written_in'], { language: 'فارسی' }));
		await expect(proposal).toContainText(PROPOSAL.why);
		await proposal.getByRole('button', { name: de['plan.accept'] }).click();
		await expect(page).toHaveURL(new RegExp(`${planPath}\\?done=accepted#goal-[0-9a-f-]{36}$`));
		await expectSuccess(page, de['plan.done_accepted']);
		await expect(proposals).toHaveCount(0);
		const accepted = page
			.getByRole('region', { name: de['field.work'], exact: true })
			.getByRole('article', { name: PROPOSAL.title });
		await expect(accepted).toContainText(fill(de['plan.written_in'], { language: 'فارسی' }));

		// d. A review: the health goal is achieved; the next review in about three months.
		await page.getByRole('link', { name: de['plan.run_review'] }).click();
		await expect(page).toHaveURL(`${planPath}/review`);
		await expect(
			page.getByRole('heading', { level: 1, name: fill(de['plan.review_title'], { name: ZAHRA.name }) })
		).toBeVisible();
		await page
			.getByRole('group', { name: HEALTH.title.de })
			.getByRole('combobox', { name: de['plan.outcome'], exact: true })
			.selectOption({ label: de['goal_status.achieved'] });
		const nextReview = isoInDays(92);
		await page.getByLabel(de['plan.next_review'], { exact: true }).fill(nextReview);
		await page.getByRole('button', { name: de['plan.save_review'] }).click();
		await expect(page).toHaveURL(`${planPath}?done=reviewed`);
		await expectSuccess(page, de['plan.done_reviewed']);
		const agreement = page.getByRole('region', { name: de['plan.agreement'], exact: true });
		await expect(agreement.getByRole('definition').filter({ hasText: germanDate(nextReview) })).toBeVisible();
		await expect(agreement).not.toContainText(de['plan.review_overdue']);
		const healthCard = page.getByRole('article', { name: HEALTH.title.de });
		await expect(healthCard.locator('header')).toHaveText(new RegExp(`${de['goal_status.achieved']}$`));
		await expect(healthCard.getByRole('combobox', { name: de['plan.status'], exact: true })).toHaveValue('achieved');
		await expect(page.getByRole('article', { name: RESIDENCE.title.de }).locator('header')).toHaveText(
			new RegExp(`${de['goal_status.planned']}$`)
		);

		// e. The caseworker puts the plan up for agreement and confirms it for the organisation.
		await page.getByRole('button', { name: de['plan.put_up_for_agreement'] }).click();
		await expectSuccess(page, de['plan.done_version_proposed']);
		const waiting = agreement.getByRole('group', { name: fill(de['plan.version_waiting'], { number: 1 }) });
		await expect(waiting).toContainText(fill(de['plan.version_waiting'], { number: 1 }));
		await expect(waiting).toContainText(de['plan.caseworker_not_confirmed']);
		await waiting.getByRole('button', { name: de['plan.confirm_for_organisation'] }).click();
		await expectSuccess(page, de['plan.done_confirmed']);
		await expect(waiting).toContainText(de['plan.participant_not_confirmed']);
		await expect(waiting).not.toContainText(de['plan.caseworker_not_confirmed']);
		await expect(waiting).toContainText(de['plan.caseworker_confirmed']);
		await expect(page.getByRole('button', { name: de['plan.confirm_for_organisation'] })).toHaveCount(0);

		// f. Zahra sees the version waiting for her and agrees: version 1 is agreed.
		await z.goto(planPath);
		const zAgreement = z.getByRole('region', { name: fa['plan.agreement'], exact: true });
		await expect(zAgreement).toContainText(fa['plan.not_agreed_yet']);
		const zWaiting = zAgreement.getByRole('group', { name: fill(fa['plan.version_waiting'], { number: 1 }) });
		await expect(zWaiting).toContainText(fill(fa['plan.version_waiting'], { number: 1 }));
		await expect(zWaiting).toContainText(fa['plan.caseworker_confirmed']);
		await zWaiting.getByRole('button', { name: fa['plan.i_agree'] }).click();
		await expect(z).toHaveURL(`${planPath}?done=agreed`);
		await expectSuccess(z, fa['plan.done_agreed']);
		await expect(zAgreement).toContainText(pattern(fill(fa['plan.version_agreed_on'], { number: 1 })));
		await expect(zAgreement.getByRole('group')).toHaveCount(0);
		await expect(z.getByRole('button', { name: fa['plan.i_agree'] })).toHaveCount(0);

		await z.getByRole('navigation', { name: fa['plan.more'] }).getByRole('link', { name: fa['plan.versions'] }).click();
		await expect(z).toHaveURL(`${planPath}/versions`);
		const versionName = fill(fa['plan.version_number'], { number: 1 });
		const version = z.getByRole('region', { name: versionName });
		await expect(version).toContainText(pattern(fa['plan.agreed_on']));
		await expect(version).not.toContainText(fa['plan.waiting_for_agreement']);
		await expect(version).toContainText(pattern(fa['plan.participant_confirmed_device']));
		await expect(version).toContainText(pattern(fa['plan.caseworker_confirmed_on']));

		await version.getByRole('link', { name: versionName, exact: true }).click();
		await expect(z).toHaveURL(new RegExp(`${planPath}/versions/[0-9a-f-]{36}$`));
		await expectDocumentLanguage(z, 'fa');
		await expect(z.getByRole('heading', { level: 1, name: versionName })).toBeVisible();
		await expect(z.getByRole('heading', { level: 3, name: HEALTH.title.fa })).toBeVisible();
		await expect(z.getByRole('heading', { level: 3, name: RESIDENCE.title.fa })).toBeVisible();
		await expect(z.getByRole('heading', { level: 3, name: PROPOSAL.title })).toBeVisible();
		// Read-only: the steps show whether they are done, and nothing can be ticked.
		await expect(z.getByRole('listitem').filter({ hasText: stepText })).toContainText(fa['plan.step_is_done']);
		await expect(z.getByRole('listitem').filter({ hasText: HEALTH.steps[1].text.fa })).toContainText(
			fa['plan.step_is_open']
		);
		await expect(z.getByRole('button', { name: pattern(fa['plan.step_done_label']) })).toHaveCount(0);
		await expect(z.getByRole('button', { name: fa['plan.i_agree'] })).toHaveCount(0);
	} finally {
		await zahra.context.close();
	}
});

test('bad input for a new goal is refused in German, keeps what was typed and adds nothing', async ({
	page,
	baseURL
}) => {
	await signIn(page, 'caseworker');
	const planPath = await openPlanAsStaff(page, ZAHRA.search, ZAHRA.listName);
	const goals = page.getByRole('main').getByRole('article');
	await expect(goals.first()).toBeVisible();
	const goalCount = await goals.count();

	await page.getByRole('link', { name: de['plan.add_goal'] }).click();
	await expect(page).toHaveURL(`${planPath}/goals/new`);
	const title = page.getByRole('textbox', { name: de['plan.goal_title'], exact: true });
	const field = page.getByRole('combobox', { name: de['plan.field'], exact: true });
	const why = page.getByRole('textbox', { name: de['plan.why_label'] });
	const submit = page.getByRole('button', { name: de['plan.add_goal'] });

	// Neither a catalogue goal nor an own title.
	await submit.click();
	await expect(page).toHaveURL(`${planPath}/goals/new`);
	await expect(page.getByRole('main').getByRole('alert')).toHaveText(de['form.check_fields']);
	await expect(title).toHaveAttribute('aria-invalid', 'true');
	await expect(title).toHaveAccessibleDescription(pattern(de['plan.title_or_catalogue']));
	await expect(page.getByText(de['plan.title_or_catalogue'])).toBeVisible();
	await expect(field).toHaveAttribute('aria-invalid', 'true');

	// A 'why' of 10,000 characters: more than the field lets anyone type, so remove its limit first.
	await title.fill('Abends einen Deutschkurs besuchen');
	await field.selectOption('language');
	await why.evaluate((textarea: HTMLTextAreaElement) => textarea.removeAttribute('maxlength'));
	await why.fill('x'.repeat(10_000));
	await submit.click();
	await expect(page).toHaveURL(`${planPath}/goals/new`);
	await expect(page.getByText(de['form.too_long'])).toBeVisible();
	await expect(title).toHaveValue('Abends einen Deutschkurs besuchen');
	await expect(title).not.toHaveAttribute('aria-invalid', 'true');
	await expect(field).toHaveValue('language');

	// 30 February cannot be typed into a date input: send the form as a script would.
	const form = {
		catalogueId: '',
		title: 'Zahnarzttermin vereinbaren',
		field: 'health',
		why: '',
		targetDate: '2026-02-30',
		nextReviewDate: ''
	};
	// Without "Accept: text/html" a form action answers with JSON: the failure, its status and its data.
	const asJson = await page.request.post(`${planPath}/goals/new`, {
		form,
		headers: { origin: baseURL! },
		maxRedirects: 0
	});
	const result = (await asJson.json()) as { type: string; status: number; data: string };
	expect(result.type).toBe('failure');
	expect(result.status).toBe(400);
	expect(result.data).toContain('form.plan_date_invalid');
	// As a browser without JavaScript posts it: a 400 page with the German message.
	const asPage = await page.request.post(`${planPath}/goals/new`, {
		form,
		headers: { origin: baseURL!, accept: 'text/html', 'accept-language': 'de-DE' },
		maxRedirects: 0
	});
	expect(asPage.status()).toBe(400);
	expect(await asPage.text()).toContain(de['form.plan_date_invalid']);

	// The plan did not change.
	await page.goto(planPath);
	await expect(goals.first()).toBeVisible();
	await expect(goals).toHaveCount(goalCount);
	for (const added of ['Abends einen Deutschkurs besuchen', 'Zahnarzttermin vereinbaren']) {
		await expect(page.getByRole('main').getByText(added)).toHaveCount(0);
	}
});

test('a goal changed in another tab since the form was opened is not overwritten', async ({ page, context }) => {
	await signIn(page, 'caseworker');
	const planPath = await openPlanAsStaff(page, ZAHRA.search, ZAHRA.listName);
	await page
		.getByRole('article', { name: RESIDENCE.title.de })
		.getByRole('link', { name: plural(de, 'plan.open_goal_staff') })
		.click();
	await expect(page).toHaveURL(new RegExp(`${planPath}/goals/[0-9a-f-]{36}$`));
	const goalPath = new URL(page.url()).pathname;
	const second = await context.newPage();
	await second.goto(goalPath);

	const editForm = (tab: Page) => tab.getByRole('region', { name: de['plan.edit_goal'], exact: true });
	const whyIn = (tab: Page) => editForm(tab).getByRole('textbox', { name: de['plan.why_label'] });
	const statusIn = (tab: Page) => editForm(tab).getByRole('combobox', { name: de['plan.status'], exact: true });
	const targetIn = (tab: Page) => editForm(tab).getByLabel(de['plan.target_date_label'], { exact: true });
	const firstWhy = 'Die Erlaubnis läuft bald ab; der Termin bei der Ausländerbehörde ist online zu buchen.';
	const secondWhy = 'Ohne gültige Erlaubnis droht der Verlust der Arbeitsstelle.';
	const secondTarget = isoInDays(150);

	// Tab 1 saves first.
	await whyIn(page).fill(firstWhy);
	await editForm(page).getByRole('button', { name: de['form.save'] }).click();
	await expect(page).toHaveURL(`${goalPath}?done=saved`);
	await expectSuccess(page, de['plan.done_saved']);

	// Tab 2 still has the form from before. Its status and date merge by themselves; the text both tabs changed
	// comes back with both versions side by side, and nothing is written until tab 2 chooses.
	await whyIn(second).fill(secondWhy);
	await statusIn(second).selectOption('paused');
	await targetIn(second).fill(secondTarget);
	await editForm(second).getByRole('button', { name: de['form.save'] }).click();
	await expect(second.getByRole('main').getByRole('alert')).toHaveText(de['plan.conflict']);
	const choice = editForm(second).getByRole('group', {
		name: fill(de['plan.conflict_field'], { field: de['plan.why_label'] })
	});
	await expect(choice.getByRole('radio', { name: new RegExp(secondWhy) })).toBeChecked();
	await expect(choice.getByRole('radio', { name: new RegExp(firstWhy) })).not.toBeChecked();
	await expect(statusIn(second)).toHaveValue('paused');
	await expect(targetIn(second)).toHaveValue(secondTarget);

	// Meanwhile the goal still holds tab 1's text.
	await page.goto(goalPath);
	await expect(page.getByRole('region', { name: de['field.residence'], exact: true })).toContainText(firstWhy);

	// Tab 2 keeps tab 1's wording after all; its own status and date are saved with it.
	await choice.getByRole('radio', { name: new RegExp(firstWhy) }).check();
	await editForm(second).getByRole('button', { name: de['plan.conflict_save'] }).click();
	await expectSuccess(second, de['plan.done_saved']);
	const about = second.getByRole('region', { name: de['field.residence'], exact: true });
	await expect(about).toContainText(firstWhy);
	await expect(about).not.toContainText(secondWhy);
	await expect(statusIn(second)).toHaveValue('paused');
	await expect(targetIn(second)).toHaveValue(secondTarget);
	await second.close();
});

test("nobody else opens Zahra's plan, and a participant ticks only her own steps", async ({
	page,
	browser,
	baseURL
}) => {
	await signIn(page, 'caseworker');
	const planPath = await openPlanAsStaff(page, ZAHRA.search, ZAHRA.listName);

	// The caseworker adds a step that is theirs to do, to the residence goal.
	await page
		.getByRole('article', { name: RESIDENCE.title.de })
		.getByRole('link', { name: plural(de, 'plan.open_goal_staff') })
		.click();
	await expect(page).toHaveURL(new RegExp(`${planPath}/goals/[0-9a-f-]{36}$`));
	const caseworkerStep = `Termin bei der Ausländerbehörde für Frau Ahmadi buchen (${Date.now()})`;
	await page.getByText(de['plan.add_step'], { exact: true }).first().click();
	const addStep = page.getByRole('main').locator('form[action="?/addStep"]');
	await addStep.getByRole('textbox', { name: de['plan.step_text'], exact: true }).fill(caseworkerStep);
	await addStep.getByRole('combobox', { name: de['plan.who_does_it'] }).selectOption('caseworker');
	await addStep.getByRole('button', { name: de['plan.add_step'] }).click();
	await expectSuccess(page, de['plan.done_step_added']);
	const staffTick = page.getByRole('button', {
		name: fill(de['plan.step_done_label'], { step: caseworkerStep }),
		exact: true
	});
	await expect(staffTick).toHaveAttribute('aria-pressed', 'false');
	const stepForm = page.locator('form').filter({ has: staffTick });
	const tickForm = {
		stepId: await stepForm.locator('input[name="stepId"]').inputValue(),
		version: await stepForm.locator('input[name="version"]').inputValue(),
		done: 'yes'
	};
	const post = (target: Page) =>
		target.request.post(`${planPath}?/tick`, {
			form: tickForm,
			headers: { origin: baseURL!, accept: 'text/html' },
			maxRedirects: 0
		});

	// A caseworker of another organisation: every plan page is "not found", and so is ticking a step.
	const caritas = await signedInContext(browser, 'caseworker2', { locale: 'de-DE' });
	try {
		for (const path of [
			planPath,
			`${planPath}/goals/new`,
			`${planPath}/review`,
			`${planPath}/versions`,
			`${planPath}/print`
		]) {
			const response = await caritas.page.goto(path);
			expect(response?.status(), path).toBe(404);
			await expect(caritas.page.getByRole('heading', { level: 1, name: de['error.not_found'] })).toBeVisible();
		}
		expect((await post(caritas.page)).status()).toBe(404);
	} finally {
		await caritas.context.close();
	}

	// Another participant (Amina): the same, in her language.
	const amina = await signedInContext(browser, 'participant', { ...PHONE });
	try {
		const response = await amina.page.goto(planPath);
		expect(response?.status()).toBe(404);
		await expectDocumentLanguage(amina.page, 'ar');
		await expect(amina.page.getByRole('heading', { level: 1, name: ar['error.not_found'] })).toBeVisible();
		expect((await post(amina.page)).status()).toBe(404);
		// Her own plan is hers to read, but the review is staff work.
		await amina.page.goto('/plan');
		await expect(amina.page).toHaveURL(/\/participants\/[0-9a-f-]{36}\/plan$/);
		const own = new URL(amina.page.url()).pathname;
		expect(own).not.toBe(planPath);
		expect((await amina.page.goto(`${own}/review`))?.status()).toBe(404);
	} finally {
		await amina.context.close();
	}

	// Zahra sees the caseworker's step, but cannot tick it: no button, and a forged form is refused.
	const zahra = await signedInContext(browser, 'participant.fa', { ...PHONE });
	try {
		await zahra.page.goto(planPath);
		const residence = zahra.page.getByRole('article', { name: RESIDENCE.title.fa });
		const row = residence.getByRole('listitem').filter({ hasText: caseworkerStep });
		await expect(row).toContainText(fa['plan.assignee_caseworker']);
		await expect(row).toContainText(fa['plan.step_is_open']);
		await expect(row.getByRole('button')).toHaveCount(0);
		// Her own steps in the same goal she can tick.
		await expect(
			residence.getByRole('button', {
				name: fill(fa['plan.step_done_label'], { step: RESIDENCE.steps[0].text.fa }),
				exact: true
			})
		).toBeVisible();
		expect((await post(zahra.page)).status()).toBe(404);
	} finally {
		await zahra.context.close();
	}
	await page.reload();
	await expect(staffTick).toHaveAttribute('aria-pressed', 'false');
});

test.describe('axe: no WCAG 2.1 A/AA violations on the plan pages', () => {
	/** Every plan page a reader can open, with every disclosure unfolded; Amina's plan has a bit of everything. */
	async function checkPlanPages(page: Page, planPath: string, locale: Locale, t: Messages, staff: boolean) {
		const check = async (label: string) => {
			await expectDocumentLanguage(page, locale);
			await openAllDetails(page);
			await expectNoAxeViolations(page, `${label} (${locale})`);
		};
		await page.goto(planPath);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await check('plan');

		await page
			.getByRole('main')
			.getByRole('article')
			.first()
			.getByRole('link', { name: plural(t, staff ? 'plan.open_goal_staff' : 'plan.open_goal') })
			.click();
		await expect(page).toHaveURL(new RegExp(`${planPath}/goals/[0-9a-f-]{36}$`));
		await check('goals/[goalId]');

		await page.goto(`${planPath}/goals/new`);
		await expect(
			page.getByRole('heading', { level: 1, name: t[staff ? 'plan.add_goal' : 'plan.propose_goal'] })
		).toBeVisible();
		await check('goals/new');

		if (staff) {
			await page.goto(`${planPath}/review`);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await check('review');
		}

		await page.goto(`${planPath}/versions`);
		await expect(page.getByRole('heading', { level: 1, name: t['plan.versions'] })).toBeVisible();
		await check('versions');
		await page
			.getByRole('main')
			.getByRole('link', { name: fill(t['plan.version_number'], { number: 1 }), exact: true })
			.click();
		await expect(page).toHaveURL(new RegExp(`${planPath}/versions/[0-9a-f-]{36}$`));
		await check('versions/[versionId]');

		await page.goto(`${planPath}/print`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await check('print');
	}

	test('as the caseworker, in German', async ({ page }) => {
		test.slow();
		await signIn(page, 'caseworker');
		const planPath = await openPlanAsStaff(page, AMINA.search, AMINA.listName);
		expect(planPath).toMatch(PLAN_PATH);
		await checkPlanPages(page, planPath, 'de', de, true);
	});

	test.describe('on a phone', () => {
		test.use({ ...PHONE });

		test('as Amina, in Arabic', async ({ page }) => {
			test.slow();
			await signIn(page, 'participant');
			await page.goto('/plan');
			await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}\/plan$/);
			const planPath = new URL(page.url()).pathname;
			await checkPlanPages(page, planPath, 'ar', ar, false);
		});
	});
});
