import { expect, test } from '@playwright/test';
import { ar, de, fa, fill, PHONE } from './helpers';

// A cheap phone with scripts off (or not yet loaded on a slow line) must still get everything done.
test.use({ ...PHONE, javaScriptEnabled: false, locale: 'de-DE' });

test('without JavaScript a participant signs in, switches language and corrects a detail', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel(de['auth.username']).fill('participant');
	await page.getByLabel(de['auth.password'], { exact: true }).fill('tandem-demo');
	await page.getByRole('main').getByRole('button', { name: de['auth.sign_in'] }).click();
	await expect(page).toHaveURL(/\/home$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(
		page.getByRole('heading', { level: 1, name: fill(ar['home.greeting'], { name: 'Amina' }) })
	).toBeVisible();

	await page.goto('/home/profile');
	const phone = page.getByRole('textbox', { name: ar['participant.phone'] });
	const address = page.getByRole('textbox', { name: ar['participant.address'] });
	await address.fill('Marktstraße 5, 71254 Ditzingen');
	await phone.fill('call me maybe');
	const response = page.waitForResponse((r) => r.request().method() === 'POST');
	await page.getByRole('button', { name: ar['form.save'] }).click();
	// Refused: the browser is sent back to the page's own address (a reload must not post again), which shows
	// the refusal once.
	expect((await response).status()).toBe(303);
	await expect(page.getByText(ar['form.phone_invalid'])).toBeVisible();
	expect(page.url()).not.toContain('?/');
	// Nothing typed is lost.
	await expect(address).toHaveValue('Marktstraße 5, 71254 Ditzingen');

	await phone.fill('0176 5550101');
	await page.getByRole('button', { name: ar['form.save'] }).click();
	await expect(page.getByRole('status')).toHaveText(ar['profile.saved']);

	await page.getByRole('button', { name: 'English', exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL(/\/home\/profile/);
	await page.getByRole('button', { name: 'العربية', exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
});

test('an oversized form is refused with a localised message and changes nothing', async ({ request, baseURL }) => {
	const response = await request.post('/login', {
		headers: { origin: baseURL!, 'accept-language': 'fa', 'content-type': 'application/x-www-form-urlencoded' },
		data: `username=${'x'.repeat(200_000)}&password=y`
	});
	expect(response.status()).toBe(413);
	expect(await response.text()).toContain(fa['error.too_large']);
});

test('a body that is not a form gets a localised 400 page, never a 500', async ({ request, baseURL }) => {
	const bodies = [
		{ path: '/language', type: 'text/plain', data: 'locale=ar' },
		{ path: '/login', type: 'multipart/form-data; boundary=xyz', data: '--xyz\r\nContent-Disposition: form-data' }
	];
	for (const body of bodies) {
		const response = await request.post(body.path, {
			// As a browser sends it: the answer is the page, not the JSON an enhanced form gets.
			headers: { origin: baseURL!, accept: 'text/html', 'accept-language': 'fa', 'content-type': body.type },
			data: body.data
		});
		expect(response.status(), body.path).toBe(400);
		expect(await response.text(), body.path).toContain(fa['error.bad_request']);
	}
});
