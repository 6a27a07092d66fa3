import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from '@playwright/test';
import arMessages from '../src/lib/i18n/messages/ar.json' with { type: 'json' };
import deMessages from '../src/lib/i18n/messages/de.json' with { type: 'json' };
import enMessages from '../src/lib/i18n/messages/en.json' with { type: 'json' };
import faMessages from '../src/lib/i18n/messages/fa.json' with { type: 'json' };
import tiMessages from '../src/lib/i18n/messages/ti.json' with { type: 'json' };
import shippedCatalogue from '../src/lib/server/plans/catalogue.json' with { type: 'json' };
import { isolated, TYPED_VALUES } from '../src/lib/i18n/translator';

export type Messages = Record<string, string>;
export type Locale = 'de' | 'en' | 'ar' | 'fa' | 'ti';

export const de: Messages = deMessages;
export const en: Messages = enMessages;
export const ar: Messages = arMessages;
export const fa: Messages = faMessages;
export const ti: Messages = tiMessages;
export const MESSAGES: Record<Locale, Messages> = { de, en, ar, fa, ti };
export const LOCALES: Locale[] = ['de', 'en', 'ar', 'fa', 'ti'];

/** The switcher's button names: each language in its own script. */
export const LANGUAGE_NAMES: Record<Locale, string> = {
	de: 'Deutsch',
	en: 'English',
	ar: 'العربية',
	fa: 'فارسی',
	ti: 'ትግርኛ'
};
export const RTL: ReadonlySet<Locale> = new Set(['ar', 'fa']);

export const DEMO_PASSWORD = 'tandem-demo';

/** A small phone, as in the field: use with test.use(PHONE) or browser.newContext({ ...PHONE }). */
export const PHONE = {
	viewport: { width: 360, height: 740 },
	isMobile: true,
	hasTouch: true,
	deviceScaleFactor: 2
} satisfies BrowserContextOptions;

// i18next placeholders: {{name}}, or with a format: {{count, number}}.
const PLACEHOLDER = /\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g;

/**
 * A message with its placeholders filled in, for values that read the same in every format (names, and
 * numbers in Latin digits); plural keys are chosen by the caller.
 */
export function fill(message: string, values: Record<string, string | number>): string {
	return message.replace(PLACEHOLDER, (whole, key: string) => {
		if (!(key in values)) return whole;
		const value = values[key];
		// As the app shows them: typed values inside a sentence are isolated (see onScreen in src/lib/i18n/translator.ts).
		return TYPED_VALUES.includes(key) && typeof value === 'string' ? isolated(value) : String(value);
	});
}

/** A message as a regular expression, with every placeholder matching anything. */
export function pattern(message: string): RegExp {
	const parts = message.split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
	return new RegExp(parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*'));
}

/**
 * Signs in through the login form. The form's language does not matter (labels are looked up in every
 * language), and afterwards the page has left /login.
 */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
	// Wait until the page's scripts are in, so the form is the enhanced one and nothing races hydration.
	await page.goto('/login', { waitUntil: 'networkidle' });
	await submitLogin(page, username, password);
	await expect(page).not.toHaveURL(/\/login/);
}

/** Fills and sends the login form on the current page, without checking the outcome. */
export async function submitLogin(page: Page, username: string, password: string): Promise<void> {
	const locale = await pageLocale(page);
	const t = MESSAGES[locale];
	await page.getByLabel(t['auth.username']).fill(username);
	await page.getByLabel(t['auth.password'], { exact: true }).fill(password);
	await page.getByRole('main').getByRole('button', { name: t['auth.sign_in'] }).click();
}

/** The page's language, as the server wrote it into <html lang>. */
export async function pageLocale(page: Page): Promise<Locale> {
	const lang = await page.locator('html').getAttribute('lang');
	if (lang === null || !(LOCALES as string[]).includes(lang)) throw new Error(`Unexpected <html lang="${lang}">`);
	return lang as Locale;
}

/** A second, independent browser (no shared cookies), signed in as someone else. */
export async function signedInContext(
	browser: Browser,
	username: string,
	options: BrowserContextOptions = {}
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext(options);
	const page = await context.newPage();
	await signIn(page, username);
	return { context, page };
}

/** Clicks a language in the switcher (a plain form post) and waits for the page in that language. */
export async function switchLanguage(page: Page, locale: Locale): Promise<void> {
	await page.getByRole('button', { name: LANGUAGE_NAMES[locale], exact: true }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', locale);
	await expect(page.getByRole('button', { name: LANGUAGE_NAMES[locale], exact: true })).toHaveAttribute(
		'aria-current',
		'true'
	);
}

/** Asserts <html lang> and dir for a locale. */
export async function expectDocumentLanguage(page: Page, locale: Locale): Promise<void> {
	const html = page.locator('html');
	await expect(html).toHaveAttribute('lang', locale);
	await expect(html).toHaveAttribute('dir', RTL.has(locale) ? 'rtl' : 'ltr');
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the page and fails with a readable list of what it found. */
export async function expectNoAxeViolations(page: Page, label = page.url()): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
	const report = results.violations
		.map((v) => {
			const nodes = v.nodes
				.map((n) => `      - ${n.target.join(' ')}\n        ${n.failureSummary?.replace(/\n/g, '\n        ') ?? ''}`)
				.join('\n');
			return `  [${v.impact ?? 'n/a'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
		})
		.join('\n');
	expect(results.violations.length, `axe found ${results.violations.length} violation(s) on ${label}:\n${report}`).toBe(
		0
	);
}

/**
 * A message with plural forms (key_one, key_other; Arabic also key_zero, _two, _few, _many): any of the
 * forms, with every placeholder matching anything.
 */
export function plural(messages: Messages, key: string): RegExp {
	const forms = Object.keys(messages).filter(
		(k) => k.startsWith(`${key}_`) && /^(zero|one|two|few|many|other)$/.test(k.slice(key.length + 1))
	);
	if (forms.length === 0) throw new Error(`No plural forms of "${key}"`);
	return new RegExp(forms.map((k) => `^(?:${pattern(messages[k]).source})$`).join('|'));
}

/** The success message a plan form action leaves after its redirect (?done=…), in a role=status alert. */
export async function expectSuccess(page: Page, message: string): Promise<void> {
	// The plan page has a second status region (a version waiting for agreement): pick the one with the message.
	await expect(page.getByRole('status').filter({ hasText: message })).toHaveText(message);
}

/** A goal of the catalogue that ships with Tandem, with its title and steps in every language. */
export type CatalogueGoal = {
	key: string;
	field: string;
	title: Record<Locale, string>;
	steps: { key: string; text: Record<Locale, string> }[];
};
export const CATALOGUE: CatalogueGoal[] = (shippedCatalogue as { goals: CatalogueGoal[] }).goals;

/** The n-th catalogue goal of a field of action, as the demo data picks them (the first one by default). */
export function catalogueGoal(field: string, index = 0): CatalogueGoal {
	const goal = CATALOGUE.filter((g) => g.field === field)[index];
	if (goal === undefined) throw new Error(`No catalogue goal ${index} in field "${field}"`);
	return goal;
}

/**
 * Staff open a participant's integration plan the way they do at work: search the caseload, open the
 * record, follow the plan link. Returns the plan's path (/participants/<id>/plan).
 */
export async function openPlanAsStaff(page: Page, search: string, listName: string, t: Messages = de): Promise<string> {
	await page.goto('/caseload');
	await page.getByRole('searchbox', { name: t['caseload.search'] }).fill(search);
	await page.getByRole('button', { name: t['caseload.apply'] }).click();
	await page.waitForURL(/\/caseload\?/);
	await page.getByRole('main').getByRole('list').getByRole('link', { name: listName, exact: true }).click();
	await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}$/);
	await page.getByRole('main').getByRole('link', { name: t['plan.open_plan'], exact: true }).click();
	await expect(page).toHaveURL(/\/participants\/[0-9a-f-]{36}\/plan$/);
	return new URL(page.url()).pathname;
}

/** Opens every <details> on the page, so that checks such as axe also see what is folded away. */
export async function openAllDetails(page: Page): Promise<void> {
	// Hydration (after the first paint) sets each <details> to its rendered state: open them after it, not before.
	await page.waitForLoadState('networkidle');
	await page.locator('details').evaluateAll((all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
}
