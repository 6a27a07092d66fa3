import { expect, test } from '@playwright/test';
import { de, signIn } from './helpers';

// Named to run after the other journeys: it adds a correction request and an appointment for Zahra.
const ZAHRA = { search: 'Ahmadi', listName: 'Ahmadi, Zahra' };

// Two tabs of one caseworker show the same open correction request; the first decides it, the second (an
// outdated page) is refused with the "changed meanwhile" message — and the address no longer holds "?/action",
// so a reload does not send the decision again.
for (const javaScriptEnabled of [true, false]) {
	test(`a decision from an outdated page is refused, says why, and a reload does not post again (JavaScript ${javaScriptEnabled ? 'on' : 'off'})`, async ({
		browser
	}) => {
		// Without JavaScript the browser posts the form itself: the server answers the refusal with a redirect to the
		// page, which shows the message once.
		const desk = await browser.newContext({ locale: 'de-DE', javaScriptEnabled });
		const first = await desk.newPage();
		await signIn(first, 'caseworker');
		await first.goto(`/caseload?q=${ZAHRA.search}`);
		await first.getByRole('link', { name: ZAHRA.listName }).click();
		const request = `Telefonnummer veraltet ${Date.now()}`;
		await first.getByLabel(de['rights.record_correction']).fill(request);
		await first.getByRole('button', { name: de['rights.record_correction_button'] }).click();
		const address = first.url().replace(/[?#].*$/, '');
		const item = (page: typeof first) => page.getByRole('listitem').filter({ hasText: request });

		const second = await desk.newPage();
		await second.goto(address, { waitUntil: 'networkidle' });
		await expect(item(second).getByRole('button', { name: de['rights.mark_declined'] })).toBeVisible();

		await item(first).getByRole('button', { name: de['rights.mark_corrected'], exact: true }).click();
		await expect(item(first)).toContainText(de['rights.correction_corrected']);

		await item(second).getByLabel(de['rights.outcome_note']).fill('Laut Pass richtig');
		await item(second).getByRole('button', { name: de['rights.mark_declined'] }).click();
		await expect(second.getByRole('alert')).toHaveText(de['form.changed_meanwhile']);
		// The page now shows the request as it is: decided by the first tab, so there is nothing left to decide.
		await expect(item(second)).toContainText(de['rights.correction_corrected']);
		await expect.poll(() => second.url()).not.toContain('?/');

		// A reload shows the page as it is now: decided once, as "corrected", and nothing posted again.
		await second.reload();
		await expect(item(second)).toContainText(de['rights.correction_corrected']);
		await expect(second.getByRole('alert')).toHaveCount(0);
		await desk.close();
	});
}

// The caseworker has an appointment open in two tabs and changes where it is in both: the second (outdated) save
// is refused with the message, the typed place still in the field, and the address without "?/details".
test('a detail change on an appointment changed meanwhile is refused and keeps what was typed', async ({ browser }) => {
	const desk = await browser.newContext({ locale: 'de-DE' });
	const first = await desk.newPage();
	await signIn(first, 'caseworker');
	await first.goto(`/caseload?q=${ZAHRA.search}`);
	await first.getByRole('link', { name: ZAHRA.listName }).click();
	await first.getByRole('main').getByRole('link', { name: de['appointments.title'], exact: true }).click();
	await first.getByRole('link', { name: de['appointments.new'], exact: true }).click();
	const title = `Sprachkurs Anmeldung ${Date.now()}`;
	const inFiveDays = new Date(Date.now() + 5 * 24 * 3_600_000).toISOString().slice(0, 10);
	await first
		.getByRole('combobox', { name: de['appointments.kind'] })
		.selectOption({ label: de['appointments.kind_language_course'] });
	await first.getByRole('textbox', { name: de['appointments.title_field'] }).fill(title);
	await first.getByLabel(de['appointments.date'], { exact: true }).fill(inFiveDays);
	await first.getByLabel(de['appointments.start'], { exact: true }).fill('10:00');
	await first.getByLabel(de['appointments.end'], { exact: true }).fill('11:00');
	await first.getByRole('button', { name: de['appointments.save'] }).click();
	await expect(first.getByRole('heading', { level: 1, name: title })).toBeVisible();
	const address = first.url().replace(/[?#].*$/, '');

	const second = await desk.newPage();
	await second.goto(address, { waitUntil: 'networkidle' });
	await first.getByText(de['appointments.edit_details']).click();
	await first.getByRole('textbox', { name: de['appointments.place'] }).fill('Rathaus, Bürgerbüro');
	await first.getByRole('button', { name: de['appointments.save'] }).click();
	await expect(first.getByRole('status')).toBeVisible();

	await second.getByText(de['appointments.edit_details']).click();
	await second.getByRole('textbox', { name: de['appointments.place'] }).fill('Volkshochschule, Raum 4');
	await second.getByRole('button', { name: de['appointments.save'] }).click();
	await expect(second.getByRole('alert')).toHaveText(de['form.changed_meanwhile']);
	await expect(second.getByRole('textbox', { name: de['appointments.place'] })).toHaveValue('Volkshochschule, Raum 4');
	await expect.poll(() => second.url()).not.toContain('?/');
	await second.reload();
	await expect(second.getByRole('alert')).toHaveCount(0);
	await desk.close();
});
