import { expect, test } from '@playwright/test';
import { ar, expectDocumentLanguage, fill, pattern, PHONE, signIn } from './helpers';

test.use({ ...PHONE });

test('the participant sees their caseworker and corrects their phone number, in Arabic', async ({ page }) => {
	await signIn(page, 'participant');
	await expect(page).toHaveURL(/\/home$/);
	// Amina's account has Arabic saved: the page is Arabic whatever the phone asks for.
	await expectDocumentLanguage(page, 'ar');
	await expect(
		page.getByRole('heading', { level: 1, name: fill(ar['home.greeting'], { name: 'Amina' }) })
	).toBeVisible();

	const caseworker = page.getByRole('region', { name: ar['home.my_caseworker'] });
	await expect(caseworker).toContainText('Sabine Keller');
	await expect(caseworker.getByRole('link', { name: pattern(ar['home.call']) })).toHaveAttribute(
		'href',
		/^tel:\+?[0-9]+$/
	);

	await page.getByRole('link', { name: ar['home.correct_contact'] }).click();
	await expect(page).toHaveURL(/\/home\/profile$/);
	await expect(page.getByRole('heading', { level: 1, name: ar['profile.title'] })).toBeVisible();
	const phone = page.getByRole('textbox', { name: ar['participant.phone'] });
	const save = page.getByRole('button', { name: ar['form.save'] });

	await phone.fill('abc');
	await save.click();
	await expect(phone).toHaveAttribute('aria-invalid', 'true');
	await expect(phone).toHaveAccessibleDescription(pattern(ar['form.phone_invalid']));
	await expect(page.getByText(ar['form.phone_invalid'])).toBeVisible();
	await expect(phone).toHaveValue('abc');
	await expectDocumentLanguage(page, 'ar');

	const number = `0176 ${String(Date.now()).slice(-7)}`;
	await phone.fill(number);
	await save.click();
	await expect(page).toHaveURL(/\/home\/profile\?saved=1$/);
	await expect(page.getByRole('status')).toHaveText(ar['profile.saved']);
	await expect(phone).toHaveValue(number);
	await expect(phone).not.toHaveAttribute('aria-invalid', 'true');

	await page.getByRole('link', { name: ar['nav.back_home'] }).click();
	await expect(page.getByRole('region', { name: ar['home.my_profile'] })).toContainText(number);
});
