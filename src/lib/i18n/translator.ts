import i18next, { type TFunction } from 'i18next';
import type { Locale } from './locales';

export type Messages = Record<string, string>;
export type Translate = TFunction;

/**
 * One i18next instance per locale, holding only that locale's messages: the browser receives just
 * the language it shows. Keys are flat ("auth.sign_in"), hence no key or namespace separators.
 */
export function createTranslator(locale: Locale, messages: Messages): Translate {
	const instance = i18next.createInstance();
	void instance.init({
		lng: locale,
		resources: { [locale]: { translation: messages } },
		initAsync: false,
		keySeparator: false,
		nsSeparator: false,
		fallbackLng: false,
		// Svelte escapes interpolated text itself.
		interpolation: { escapeValue: false }
	});
	return instance.t;
}
