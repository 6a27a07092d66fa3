import { describe, expect, test } from 'vitest';
import { renderReportCharts } from '$lib/server/figures/charts';
import { figuresFixture } from '$lib/server/testing/figures';

const renderCharts = (locale: 'de' | 'ar') => renderReportCharts(figuresFixture(), locale).body;
// The text a reader sees: markup and Svelte's hydration comments stripped.
const text = (html: string) =>
	html
		.replace(/<!--.*?-->/g, '')
		.replace(/<[^>]+>/g, '|')
		.replaceAll('&lt;', '<')
		.replaceAll('&amp;', '&');
const cells = (html: string) =>
	text(html)
		.split('|')
		.map((s) => s.trim())
		.filter((s) => s !== '');

describe('ReportCharts on the server', () => {
	const html = renderCharts('de');

	test("the styles come along (no stylesheet of the app holds them), ids are the charts' own", () => {
		const { head } = renderReportCharts(figuresFixture(), 'de');
		expect(head).toMatch(/<style[^>]*>[^<]*\.plot/);
		expect(html).toMatch(/id="chart[^"]*-hatch"/);
		expect(html).not.toMatch(/id="s\d/);
	});

	test('renders five figures, each an image with a summary and its table', () => {
		expect(html.match(/<figure/g)).toHaveLength(5);
		expect(html.match(/role="img"/g)).toHaveLength(5);
		expect(html.match(/<table/g)).toHaveLength(5);
		expect(html.match(/<svg[^>]*lc-layout-svg/g)).toHaveLength(5);
		expect(html).toContain('aria-label="Säulen je Monat, gestapelt nach Kontaktform; 76 Kontakte im Zeitraum.');
	});

	test('the monthly table holds every month and form, suppressed as "< 5"', () => {
		const c = cells(html);
		const jan = c.indexOf('Januar 2026');
		// Forms in CONTACT_FORMS order: home visit, office, accompanying, phone, digital.
		expect(c.slice(jan + 1, jan + 6)).toEqual(['0', '37', '0', '12', '0']);
		const mar = c.indexOf('März 2026');
		expect(c.slice(mar + 1, mar + 6)).toEqual(['0', '0', '0', '0', '< 5']);
	});

	test('topics: largest first, labels from both vocabularies, zero left out, "< 5" drawn hatched', () => {
		const c = cells(html);
		const benefits = c.indexOf('Leistungsbezug, Anträge');
		expect(c[benefits + 1]).toBe('26');
		expect(c).toContain('Wohnen');
		expect(c).not.toContain('Internetzugang (WLAN)');
		expect(c[c.lastIndexOf('Rückkehr') + 1]).toBe('< 5');
		expect(html).toMatch(/fill="url\(#[^)]*-hatch\)"/);
		// In the topics chart benefits (26) comes before housing (19).
		expect(html.indexOf('>Leistungsbezug, Anträge<')).toBeLessThan(html.indexOf('>Wohnen<'));
	});

	test('goal outcomes: achieved of set per field', () => {
		expect(text(html)).toContain('9 von 14');
		expect(text(html)).toContain('< 5 von 8');
		const c = cells(html);
		const language = c.lastIndexOf('Sprache');
		expect(c.slice(language + 1, language + 3)).toEqual(['9', '14']);
	});

	test('caseload: cases per post per caseworker against the line at 80', () => {
		const c = cells(html);
		const jonas = c.lastIndexOf('Jonas Albrecht');
		// 41 cases on half a post are 82 per full-time post.
		expect(c.slice(jonas + 1, jonas + 4)).toEqual(['41', '0,5', '82']);
		const all = c.indexOf('Alle zusammen');
		expect(c.slice(all + 1, all + 4)).toEqual(['131', '1,5', '87']);
		expect(text(html)).toContain('Richtwert 80');
		expect(html).toContain('lc-rule-x-line');
	});

	test('the bar for 90 is longer than the bar for 82, and the 80 line lies between', () => {
		// Scale 0..100 over 2..276 units (340 wide, 64 kept for the number).
		const widths = [...html.matchAll(/class="[^"]*lc-rect[^"]*bar[^"]*"[^>]*width="([\d.]+)"/g)].map((m) =>
			Number(m[1])
		);
		expect(widths).toContain(246.6);
		expect(widths.some((w) => Math.abs(w - 224.68) < 0.01)).toBe(true);
	});

	test('right to left: bars grow from the right edge', () => {
		const rtl = renderCharts('ar');
		expect(rtl).toContain('<figure');
		// Caseload bar for 90 of 100 over the range 338..64: starts at 338 − 246.6 = 91.4.
		expect(rtl).toMatch(/x="91\.4\d*"[^>]*width="246\.6"|width="246\.6"[^>]*x="91\.4/);
	});
});
