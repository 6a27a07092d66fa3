import i18next, { type TFunction } from 'i18next';
import type { Locale } from './locales';

export type Messages = Record<string, string>;
export type Translate = TFunction;

/**
 * One i18next instance per locale, holding only that locale's messages: the browser receives just
 * the language it shows. Keys are flat ("auth.sign_in"), hence no key or namespace separators.
 */
// Values people typed (a name, a goal's title) that land inside a translated sentence. Wrapped in FIRST STRONG
// ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text form of <bdi>: an Arabic name in a German sentence, or a
// right-to-left override hidden in a name, cannot reorder the words around it.
export const TYPED_VALUES: readonly string[] = ['name', 'title', 'goal', 'step', 'text'];
const FSI = '\u2068';
const PDI = '\u2069';

export function isolated(value: string): string {
	return `${FSI}${value}${PDI}`;
}

function withTypedValuesIsolated(options: unknown): unknown {
	if (options === null || typeof options !== 'object') return options;
	const values = { ...(options as Record<string, unknown>) };
	for (const key of TYPED_VALUES) {
		if (typeof values[key] === 'string') values[key] = isolated(values[key]);
	}
	return values;
}

/**
 * The translator for what the app shows on screen: the given one, with typed values isolated. (Push messages
 * and calendar files keep plain text: not every calendar shows the isolate marks gracefully.)
 */
export function onScreen(t: Translate): Translate {
	return ((key: string, options?: unknown) => t(key, withTypedValuesIsolated(options) as never)) as Translate;
}

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
	// Most texts on a page are plain keys without values; i18next resolves each afresh (plural suffixes,
	// nesting, fallbacks) every time, which was a tenth of a page's server time. Their text never changes for
	// one locale, so each is looked up once. Bounded, in case a caller ever builds keys from data.
	const plain = new Map<string, string>();
	return ((key: string | string[], options?: unknown) => {
		if (options !== undefined || typeof key !== 'string') return instance.t(key, options as never);
		let text = plain.get(key);
		if (text === undefined) {
			text = instance.t(key);
			if (plain.size < MAX_PLAIN_TEXTS) plain.set(key, text);
		}
		return text;
	}) as Translate;
}

const MAX_PLAIN_TEXTS = 10_000;
