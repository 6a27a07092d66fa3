import { render } from 'svelte/server';
import ReportCharts from '$lib/components/charts/ReportCharts.svelte';
import WithI18n from '$lib/components/charts/WithI18n.svelte';
import type { KeyFigures } from '$lib/figures';
import type { Locale } from '$lib/i18n/locales';
import { onScreen } from '$lib/i18n/translator';
import { translatorFor } from '../i18n';

export type RenderedCharts = { head: string; body: string };

/**
 * The report's charts as finished HTML, drawn here once: they have nothing to do in the browser, so the page
 * shows them with `<ServerCharts>` and ships none of the chart library's ~120 KB (gzipped) of JavaScript.
 * `head` holds the charts' styles. Every value in `body` is escaped by Svelte's renderer.
 */
export function renderReportCharts(figures: KeyFigures, locale: Locale): RenderedCharts {
	const i18n = { t: onScreen(translatorFor(locale)), locale };
	// Its own id prefix: the page's own render numbers its ids from the same start.
	const { head, body } = render(WithI18n, {
		props: { i18n, component: ReportCharts, props: { figures } },
		idPrefix: 'chart'
	});
	return { head, body };
}
