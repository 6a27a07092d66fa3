import type { Locale } from './locales';
import { createTranslator, onScreen, type Messages, type Translate } from './translator';

// Each language's messages as a file of its own, emitted by Vite with a content hash under /_app/immutable/
// (served with an immutable cache header): a phone fetches the one language it shows, once, and keeps it. Never
// inlined, so no dictionary travels inside a script or a page's data. Only the addresses reach the browser.
const URLS = import.meta.glob<string>('./messages/*.json', {
	query: '?url&no-inline',
	import: 'default',
	eager: true
});

/** The address of a locale's messages file (the layout preloads it with the page). */
export function messagesUrl(locale: Locale): string {
	return URLS[`./messages/${locale}.json`];
}

async function translatorOf(locale: Locale): Promise<Translate> {
	// The server has its messages bundled and its translators made (translatorFor); the condition keeps that
	// import, and with it every dictionary, out of the browser's code.
	if (import.meta.env.SSR) return (await import('$lib/server/i18n')).translatorFor(locale);
	const response = await fetch(messagesUrl(locale));
	if (!response.ok) throw new Error(`messages for ${locale}: ${response.status}`);
	return createTranslator(locale, (await response.json()) as Messages);
}

// Per locale, never per user: one translator per language for the life of the process or the tab, so live
// updates (invalidateAll) and client navigation neither fetch again nor build a new i18next instance.
const translators = new Map<Locale, Promise<Translate>>();

/** The on-screen translator of a locale (typed values isolated), made once. */
export function screenTranslatorFor(locale: Locale): Promise<Translate> {
	let t = translators.get(locale);
	if (t === undefined) {
		t = translatorOf(locale).then(onScreen);
		// A failed fetch (offline, a deploy in between) is tried again on the next load, not remembered.
		void t.catch(() => translators.delete(locale));
		translators.set(locale, t);
	}
	return t;
}
