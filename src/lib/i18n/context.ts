import { getContext, setContext } from 'svelte';
import type { Locale } from './locales';
import type { Translate } from './translator';

export type I18n = { readonly t: Translate; readonly locale: Locale };

const KEY = Symbol('i18n');

export function setI18n(i18n: I18n) {
	setContext(KEY, i18n);
}

export function useI18n(): I18n {
	return getContext<I18n>(KEY);
}
