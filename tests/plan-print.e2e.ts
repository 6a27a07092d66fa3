import { expect, test, type Page } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { ar, catalogueGoal, de, fill, openPlanAsStaff, signIn, ti } from './helpers';

// The caseworker prints the plan to sign it with the participant: a German browser on a desktop.
test.use({ locale: 'de-DE' });

// From the demo data (src/lib/server/demo/plans.ts), which no test changes: Amina's own goal, still a
// proposal, and why her language goal matters to her, in her words.
const AMINA_PROPOSAL = { title: 'أريد أن أعمل كمساعدة في روضة أطفال', why: 'كنت معلمة في سوريا.' };
const AMINA_LANGUAGE_WHY = 'أريد أن أتحدث مع جيراني ومع معلمة ابنتي.';

/** The text of a PDF: every text item of every page, in the order the PDF stores them. */
async function pdfText(pdf: Buffer): Promise<{ pages: number; items: string[] }> {
	const doc = await getDocument({ data: new Uint8Array(pdf) }).promise;
	try {
		const items: string[] = [];
		for (let n = 1; n <= doc.numPages; n++) {
			const content = await (await doc.getPage(n)).getTextContent();
			for (const item of content.items) if ('str' in item) items.push(item.str);
		}
		return { pages: doc.numPages, items };
	} finally {
		await doc.destroy();
	}
}

// Letters and digits only: white space is placed freely in a PDF, and in a right-to-left line the
// punctuation and brackets at the ends of a run come out in visual order, mirrored.
const squash = (s: string) => s.normalize('NFKC').replace(/[^\p{L}\p{N}]/gu, '');

/**
 * Whether a text is in the PDF. Chromium writes Latin and Ethiopic as words in reading order, but Arabic
 * as single presentation-form glyphs in visual (left-to-right) order, one item each. So the items are
 * joined both ways round, and presentation forms and ligatures fold back to plain letters with NFKC.
 */
function pdfContains(items: string[], text: string): boolean {
	const needle = squash(text);
	if (needle === '') throw new Error(`Nothing to look for in "${text}"`);
	return squash(items.join('')).includes(needle) || squash([...items].reverse().join('')).includes(needle);
}

function expectInPdf(items: string[], text: string, present = true): void {
	expect(
		pdfContains(items, text),
		`"${text}" ${present ? 'missing from' : 'found in'} the PDF text:\n${items.join('|')}`
	).toBe(present);
}

/** From the plan page to its printable page, then to A4 paper, as the browser's "print to PDF" does. */
async function printPlan(page: Page, planPath: string) {
	await page.getByRole('navigation', { name: de['plan.more'] }).getByRole('link', { name: de['plan.print'] }).click();
	await expect(page).toHaveURL(`${planPath}/print`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(de['plan.print_title']);
	await expect(page.getByRole('button', { name: de['plan.print_now'] })).toBeVisible();
	// The participant's script needs its web font: print only once it is there.
	await page.evaluate(async () => {
		await document.fonts.ready;
	});
	return pdfText(await page.pdf({ format: 'A4' }));
}

test("Amina's plan prints in German and Arabic side by side, on one A4 page, without her open proposal", async ({
	page
}) => {
	const language = catalogueGoal('language');
	await signIn(page, 'caseworker');
	const planPath = await openPlanAsStaff(page, 'Al-Hassan', 'Al-Hassan, Amina');
	// Her own goal is still a proposal: it is on the plan page, waiting for a decision…
	await expect(
		page.getByRole('region', { name: fill(de['plan.proposals_of'], { name: 'Amina Al-Hassan' }), exact: true })
	).toContainText(AMINA_PROPOSAL.title);
	await expect(page.getByRole('heading', { level: 3, name: language.title.de })).toBeVisible();

	const { pages, items } = await printPlan(page, planPath);
	expectInPdf(items, 'Amina Al-Hassan');
	expectInPdf(items, de['plan.print_title']);
	expectInPdf(items, ar['plan.print_title']);
	// A catalogue goal in both languages, each in its own script.
	expectInPdf(items, language.title.de);
	expectInPdf(items, language.title.ar);
	expectInPdf(items, language.steps[1].text.de);
	expectInPdf(items, language.steps[1].text.ar);
	// Free text in Arabic, as she wrote it.
	expectInPdf(items, AMINA_LANGUAGE_WHY);
	// …but not on the paper both sign: that shows only the goals of the plan.
	expectInPdf(items, AMINA_PROPOSAL.title, false);
	expectInPdf(items, AMINA_PROPOSAL.why, false);
	expect(pages, 'one A4 page for a typical plan').toBe(1);
});

test("Selam's plan prints in German and Tigrinya side by side", async ({ page }) => {
	const training = catalogueGoal('training');
	await signIn(page, 'caseworker');
	const planPath = await openPlanAsStaff(page, 'Tesfay', 'Tesfay, Selam');
	await expect(page.getByRole('heading', { level: 3, name: training.title.de })).toBeVisible();

	const { pages, items } = await printPlan(page, planPath);
	expectInPdf(items, 'Selam Tesfay');
	expectInPdf(items, de['plan.print_title']);
	expectInPdf(items, ti['plan.print_title']);
	expectInPdf(items, training.title.de);
	expectInPdf(items, training.title.ti);
	expectInPdf(items, training.steps[0].text.de);
	expectInPdf(items, training.steps[0].text.ti);
	expect(pages).toBeGreaterThanOrEqual(1);
});
