import { expect, test } from '@playwright/test';
import { de, signIn } from './helpers';

// Two tabs of one caseworker show the same open correction request; the first decides it, the second (an
// outdated page) is refused with the "changed meanwhile" message — and the address no longer holds "?/action",
// so a reload does not send the decision again.
test('a decision from an outdated page is refused, says why, and a reload does not post again', async ({ browser }) => {
	const desk = await browser.newContext({ locale: 'de-DE' });
	const first = await desk.newPage();
	await signIn(first, 'caseworker');
	await first.goto('/caseload?q=Al-Hassan');
	await first.getByRole('link', { name: 'Al-Hassan, Amina' }).click();
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
