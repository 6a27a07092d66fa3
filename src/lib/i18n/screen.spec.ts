import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';
import ar from './messages/ar.json';
import { messagesUrl, screenTranslatorFor } from './screen';

describe('screen translators', () => {
	it('makes one translator per locale and hands out the same one on every load', async () => {
		const first = await screenTranslatorFor('ar');
		expect(await screenTranslatorFor('ar')).toBe(first);
		expect(await screenTranslatorFor('de')).not.toBe(first);
		expect(first('auth.sign_in')).toBe(ar['auth.sign_in']);
	});

	it('isolates typed values, as everything on screen', async () => {
		const t = await screenTranslatorFor('de');
		expect(t('consent.withdraw_named', { name: 'Peter' })).toContain('\u2068Peter\u2069');
	});

	it('knows the address of every locale’s messages file, each its own', () => {
		const urls = LOCALES.map(messagesUrl);
		for (const [i, locale] of LOCALES.entries()) expect(urls[i]).toMatch(new RegExp(`${locale}\\.json`));
		expect(new Set(urls).size).toBe(LOCALES.length);
	});
});
