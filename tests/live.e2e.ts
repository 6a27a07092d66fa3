import { expect, test } from '@playwright/test';
import {
	ar,
	catalogueGoal,
	de,
	expectNoAxeViolations,
	fill,
	openPlanAsStaff,
	PHONE,
	plural,
	signIn,
	ti
} from './helpers';

const TRAINING = catalogueGoal('training');

test('caseworker and participant edit the same goal at once: live updates, presence, and a conflict resolved without loss', async ({
	browser
}) => {
	const desk = await browser.newContext({ locale: 'de-DE' });
	const caseworker = await desk.newPage();
	await signIn(caseworker, 'caseworker');
	const planPath = await openPlanAsStaff(caseworker, 'Tesfay', 'Tesfay, Selam');
	await caseworker
		.getByRole('article', { name: TRAINING.title.de })
		.getByRole('link', { name: plural(de, 'plan.open_goal_staff') })
		.click();
	await expect(caseworker).toHaveURL(new RegExp(`${planPath}/goals/[0-9a-f-]{36}$`));
	const goalPath = new URL(caseworker.url()).pathname;

	const phone = await browser.newContext({ ...PHONE });
	const selam = await phone.newPage();
	await signIn(selam, 'participant.ti');
	await selam.goto(goalPath);
	await expect(selam.locator('html')).toHaveAttribute('lang', 'ti');

	// Presence: each sees the other has the plan open.
	await expect(
		selam.getByText(fill(ti['live.is_here'], { name: 'Sabine Keller', role: ti['role.caseworker'] }))
	).toBeVisible();
	await expect(
		caseworker.getByText(fill(de['live.is_here'], { name: 'Selam Tesfay', role: de['role.participant'] }))
	).toBeVisible();
	await expectNoAxeViolations(selam, 'goal page with live updates (ti)');

	// Both start typing "why" at the same time.
	const mine = 'ናብ ሞያዊ ስልጠና ክኣቱ ስለ ዝደሊ፣ ከም ነርስ ክሰርሕ።';
	const theirs = 'Sie möchte als Pflegefachfrau arbeiten; die Ausbildung beginnt im Herbst.';
	await selam.getByRole('textbox', { name: ti['plan.why_mine_label'] }).fill(mine);
	const edit = caseworker.getByRole('region', { name: de['plan.edit_goal'], exact: true });
	await edit.getByRole('textbox', { name: de['plan.why_label'] }).fill(theirs);
	await edit.getByRole('combobox', { name: de['plan.status'], exact: true }).selectOption('paused');
	await edit.getByRole('button', { name: de['form.save'] }).click();
	await expect(caseworker.getByRole('status')).toHaveText(de['plan.done_saved']);

	// Selam's page shows the caseworker's change without a reload, with a notice of who changed what —
	// and her half-typed text is still there.
	await expect(
		selam.getByText(fill(ti['live.changed_by'], { name: 'Sabine Keller', change: ti['plan_change.goal_status'] }))
	).toBeVisible({ timeout: 3000 });
	await expect(selam.getByRole('main').getByText(theirs)).toBeVisible();
	await expect(selam.getByRole('textbox', { name: ti['plan.why_mine_label'] })).toHaveValue(mine);

	// She saves: the same field changed on both sides, so she is shown both and chooses. Nothing is lost.
	await selam
		.getByRole('region', { name: ti['plan.why_mine_title'] })
		.getByRole('button', { name: ti['form.save'] })
		.click();
	await expect(selam.getByRole('main').getByRole('alert')).toHaveText(ti['plan.conflict']);
	const choice = selam.getByRole('group', { name: fill(ti['plan.conflict_field'], { field: ti['plan.why_label'] }) });
	await expect(choice.getByRole('radio', { name: new RegExp(mine) })).toBeChecked();
	await expect(choice.getByRole('radio', { name: new RegExp(theirs) })).toBeVisible();
	await expectNoAxeViolations(selam, 'conflict choice (ti)');
	await selam.getByRole('button', { name: ti['plan.conflict_save'] }).click();
	await expect(selam.getByRole('status')).toHaveText(ti['plan.done_saved']);

	// Both end with the same plan: her words, the caseworker's status.
	await expect(caseworker.getByRole('region', { name: de['field.training'], exact: true })).toContainText(mine, {
		timeout: 3000
	});
	await expect(selam.getByRole('region', { name: ti['field.training'], exact: true })).toContainText(mine);
	await expect(selam.getByRole('main').getByText(ti['goal_status.paused']).first()).toBeVisible();
	await caseworker.reload();
	await expect(edit.getByRole('textbox', { name: de['plan.why_label'] })).toHaveValue(mine);
	await expect(edit.getByRole('combobox', { name: de['plan.status'], exact: true })).toHaveValue('paused');

	await phone.close();
	await desk.close();
});

test('a live update reaches the participant’s "in my own words" box while she is not typing in it', async ({
	browser
}) => {
	const desk = await browser.newContext({ locale: 'de-DE' });
	const caseworker = await desk.newPage();
	await signIn(caseworker, 'caseworker');
	await openPlanAsStaff(caseworker, 'Tesfay', 'Tesfay, Selam');
	await caseworker
		.getByRole('article', { name: TRAINING.title.de })
		.getByRole('link', { name: plural(de, 'plan.open_goal_staff') })
		.click();
	await expect(caseworker).toHaveURL(/\/goals\/[0-9a-f-]{36}$/);
	const goalPath = new URL(caseworker.url()).pathname;

	const phone = await browser.newContext({ ...PHONE });
	const selam = await phone.newPage();
	await signIn(selam, 'participant.ti');
	await selam.goto(goalPath);
	await expect(
		caseworker.getByText(fill(de['live.is_here'], { name: 'Selam Tesfay', role: de['role.participant'] }))
	).toBeVisible();

	const written = 'Sie möchte im Herbst die Ausbildung zur Pflegefachfrau beginnen.';
	const edit = caseworker.getByRole('region', { name: de['plan.edit_goal'], exact: true });
	await edit.getByRole('textbox', { name: de['plan.why_label'] }).fill(written);
	await edit.getByRole('button', { name: de['form.save'] }).click();
	await expect(caseworker.getByRole('status')).toHaveText(de['plan.done_saved']);

	const box = selam.getByRole('textbox', { name: ti['plan.why_mine_label'] });
	await expect(box).toHaveValue(written, { timeout: 3000 });
	// Saving now is based on what she sees: no conflict to resolve.
	await selam
		.getByRole('region', { name: ti['plan.why_mine_title'] })
		.getByRole('button', { name: ti['form.save'] })
		.click();
	await expect(selam.getByRole('status')).toHaveText(ti['plan.done_saved']);
	await expect(box).toHaveValue(written);

	await phone.close();
	await desk.close();
});

test('a volunteer’s open plan page loses access the moment the participant withdraws consent', async ({ browser }) => {
	const desk = await browser.newContext({ locale: 'de-DE' });
	const volunteer = await desk.newPage();
	await signIn(volunteer, 'volunteer');
	await volunteer.getByRole('link', { name: 'Amina Al-Hassan' }).click();
	await volunteer.getByRole('link', { name: de['helping.open_plan'] }).click();
	await expect(volunteer.getByRole('note')).toHaveText(fill(de['helping.acting_for'], { name: 'Amina Al-Hassan' }));
	await expect(volunteer.locator('[data-live-connected="true"]')).toHaveCount(1);
	// Her waiting proposal is headed with her name for the volunteer, not "My proposals".
	await expect(
		volunteer.getByRole('region', { name: fill(de['plan.proposals_of'], { name: 'Amina Al-Hassan' }), exact: true })
	).toBeVisible();
	await expect(volunteer.getByRole('heading', { name: de['plan.proposals_self'] })).toHaveCount(0);

	const phone = await browser.newContext({ ...PHONE });
	const amina = await phone.newPage();
	await signIn(amina, 'participant');
	await amina.goto('/my-data/sharing');
	await amina
		.getByRole('button', { name: fill(ar['consent.withdraw_named'], { name: 'Ulrike (Helferkreis Ditzingen)' }) })
		.click();
	await amina.getByRole('dialog').getByRole('button', { name: ar['consent.withdraw_confirm'] }).click();
	await expect(amina.getByRole('status')).toHaveText(ar['consent.done_withdrawn']);

	// No reload by the volunteer: the stream closes and the page turns into "not found" on its own.
	await expect(volunteer.getByRole('heading', { level: 1, name: de['error.not_found'] })).toBeVisible({
		timeout: 3000
	});
	await expect(volunteer.getByText('Amina Al-Hassan')).toHaveCount(0);
	await phone.close();
	await desk.close();
});
