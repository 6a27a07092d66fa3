export const LOCALES = ['de', 'en', 'ar', 'fa', 'ti'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'de';

// Each language named in its own script, never by a flag.
export const LOCALE_NAMES: Record<Locale, string> = {
	de: 'Deutsch',
	en: 'English',
	ar: 'العربية',
	fa: 'فارسی',
	ti: 'ትግርኛ'
};

const RTL: ReadonlySet<Locale> = new Set(['ar', 'fa']);

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
	return RTL.has(locale) ? 'rtl' : 'ltr';
}

export type Script = 'latin' | 'arabic' | 'persian' | 'ethiopic';

export function scriptOf(locale: Locale): Script {
	if (locale === 'ar') return 'arabic';
	if (locale === 'fa') return 'persian';
	if (locale === 'ti') return 'ethiopic';
	return 'latin';
}
