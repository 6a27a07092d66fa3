import Negotiator from 'negotiator';
import { createTranslator, type Messages, type Translate } from '$lib/i18n/translator';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '$lib/i18n/locales';
import de from '$lib/i18n/messages/de.json';
import en from '$lib/i18n/messages/en.json';
import ar from '$lib/i18n/messages/ar.json';
import fa from '$lib/i18n/messages/fa.json';
import ti from '$lib/i18n/messages/ti.json';

export const LOCALE_COOKIE = 'tandem_locale';

export const MESSAGES: Record<Locale, Messages> = { de, en, ar, fa, ti };

// Per locale, not per user: safe to share between requests.
const translators = new Map<Locale, Translate>();

export function translatorFor(locale: Locale): Translate {
	let t = translators.get(locale);
	if (t === undefined) {
		t = createTranslator(locale, MESSAGES[locale]);
		translators.set(locale, t);
	}
	return t;
}

/** The user's saved choice, else the cookie, else the browser's languages, else German. */
export function resolveLocale(
	saved: string | null | undefined,
	cookie: string | undefined,
	acceptLanguage: string | null
): Locale {
	if (isLocale(saved)) return saved;
	if (isLocale(cookie)) return cookie;
	if (acceptLanguage !== null) {
		const preferred = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([...LOCALES]);
		if (isLocale(preferred)) return preferred;
	}
	return DEFAULT_LOCALE;
}
