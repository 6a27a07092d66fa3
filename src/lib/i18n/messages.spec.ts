import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES, type Locale } from './locales';
import de from './messages/de.json';
import en from './messages/en.json';
import ar from './messages/ar.json';
import fa from './messages/fa.json';
import ti from './messages/ti.json';
import { createTranslator, onScreen } from './translator';

const MESSAGES: Record<Locale, Record<string, string>> = { de, en, ar, fa, ti };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

// A key is plural when English has both its _one and _other forms ("scope.documents_read_other" is not).
const pluralBases = new Set(
	Object.keys(en)
		.filter((k) => k.endsWith('_one') && `${k.slice(0, -4)}_other` in en)
		.map((k) => k.slice(0, -4))
);
const baseOf = (key: string) => {
	const base = key.replace(PLURAL_SUFFIX, '');
	return base !== key && pluralBases.has(base) ? base : key;
};

/** Keys as code uses them: plural variants collapse to their base key. */
function baseKeys(messages: Record<string, string>): Set<string> {
	return new Set(Object.keys(messages).map(baseOf));
}
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();

describe('translations', () => {
	it('every locale has a message file and every message file is a registered locale', () => {
		const files = readdirSync(join(import.meta.dirname, 'messages'))
			.filter((f) => f.endsWith('.json'))
			.map((f) => f.replace('.json', ''));
		expect(files.sort()).toEqual([...LOCALES].sort());
	});

	for (const locale of LOCALES) {
		describe(locale, () => {
			const messages = MESSAGES[locale];

			it('has exactly the keys of English, no more and no fewer', () => {
				const expected = [...baseKeys(en)].sort();
				expect([...baseKeys(messages)].sort()).toEqual(expected);
			});

			it('has every plural form the language needs, and only those', () => {
				const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
				for (const base of pluralBases) {
					const forms = Object.keys(messages)
						.filter((k) => baseOf(k) === base && k !== base)
						.map((k) => k.slice(base.length + 1));
					expect(forms.sort(), `${locale} ${base}`).toEqual([...categories].sort());
				}
			});

			it('keeps every placeholder of the English text', () => {
				for (const [key, value] of Object.entries(messages)) {
					const english = (en as Record<string, string>)[key] ?? (en as Record<string, string>)[`${baseOf(key)}_other`];
					// Singular, dual and zero forms may say the number in words ("دقيقتين"), so they may drop {{count}}.
					const wordsForNumber = baseOf(key) !== key && !key.endsWith('_other');
					const expected = placeholders(english).filter((p) => !(wordsForNumber && p === 'count'));
					const actual = placeholders(value).filter((p) => !(wordsForNumber && p === 'count'));
					expect(actual, `${locale} ${key}`).toEqual(expected);
				}
			});

			it('is sorted and has no empty texts', () => {
				const keys = Object.keys(messages);
				expect(keys).toEqual([...keys].sort());
				expect(Object.entries(messages).filter(([, v]) => v.trim() === '')).toEqual([]);
			});

			if (locale !== 'en') {
				it('is a translation, not a copy of English', () => {
					// Placeholders are not words: "{{name}}: {{change}}" reads the same in every language.
					const words = (v: string) => v.replace(/\{\{[^}]*\}\}/g, '');
					const copied = Object.entries(messages).filter(
						([k, v]) => v === (en as Record<string, string>)[k] && /[a-z]{4,}/.test(words(v))
					);
					// A handful of words are the same in German and English (e.g. "Name", "Status").
					expect(copied.length, copied.map(([k]) => k).join(', ')).toBeLessThanOrEqual(locale === 'de' ? 6 : 0);
				});
			}
		});
	}

	it('picks the Arabic plural form that fits the number', () => {
		const t = createTranslator('ar', ar);
		const forms = [0, 1, 2, 3, 11, 100].map((count) => t('auth.throttled', { count }));
		expect(new Set(forms).size).toBe(6);
		expect(forms.every((f) => !f.includes('auth.throttled'))).toBe(true);
	});

	it('writes numbers the way each language does (Persian digits in Farsi)', () => {
		expect(createTranslator('fa', fa)('auth.throttled', { count: 15 })).toContain('۱۵');
		expect(createTranslator('de', de)('caseload.count', { count: 1234 })).toContain('1.234');
	});
});

describe('typed values in sentences', () => {
	it('isolates a name inside a translated sentence on screen, so a right-to-left override cannot spoof it', () => {
		const t = onScreen(createTranslator('de', de));
		const spoof = 'Peter\u202Egpj.exe';
		const shown = t('consent.withdraw_named', { name: spoof });
		expect(shown).toContain(`\u2068${spoof}\u2069`);
		expect(createTranslator('de', de)('consent.withdraw_named', { name: 'Peter' })).not.toContain('\u2068');
	});
});
