// Pure helpers shared by the report charts; no Svelte, so the numbers they draw are testable on their own.
import { SUPPRESS_BELOW } from '$lib/casework';
import type { Count } from '$lib/figures';
import { formatNumber } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { FIELDS } from '$lib/plan';

/**
 * A suppressed count is drawn as long as the largest value it may hide (4), hatched, so the bar neither
 * claims a number nor vanishes; the text beside it says "< 5".
 */
export const SUPPRESSED_EXTENT = SUPPRESS_BELOW - 1;

export function drawnValue(count: Count): number {
	return count === 'lt5' ? SUPPRESSED_EXTENT : count;
}

export function shownCount(locale: Locale, count: Count, suppressed: string): string {
	return count === 'lt5' ? suppressed : formatNumber(locale, count);
}

/** A contact topic is a field of action ("field.<code>") or a sub-topic ("topic.<code>"). */
export function topicKey(code: string): string {
	return (FIELDS as readonly string[]).includes(code) ? `field.${code}` : `topic.${code}`;
}

/**
 * SVG text does not wrap: a label is split at spaces into lines of at most `width` characters, so long
 * German and Tigrinya labels stay readable on a 360 px phone instead of running off the chart.
 */
export function wrapLabel(label: string, width = 34): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of label.split(/\s+/).filter((w) => w !== '')) {
		if (line === '') line = word;
		else if (line.length + 1 + word.length <= width) line = `${line} ${word}`;
		else {
			lines.push(line);
			line = word;
		}
	}
	if (line !== '') lines.push(line);
	return lines.length === 0 ? [''] : lines;
}

/** A round upper end for a value axis, so a bar at the maximum does not touch the edge and ticks stay round. */
export function niceMax(max: number): number {
	if (max <= 5) return 5;
	const step = 10 ** Math.floor(Math.log10(max));
	for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
	return 10 * step;
}

/** A linear map from a value domain onto a drawing range (reversed for right-to-left). */
export function linear(domain: [number, number], range: [number, number]): (v: number) => number {
	const k = (range[1] - range[0]) / (domain[1] - domain[0] || 1);
	return (v) => round(range[0] + (v - domain[0]) * k);
}

/** Equal bands for `count` columns over a range, with a fifth of each band left as gap. */
export function bands(count: number, range: [number, number]): { start: (i: number) => number; width: number } {
	const step = (range[1] - range[0]) / Math.max(count, 1);
	const width = round(Math.abs(step) * 0.8);
	return {
		width,
		start: (i) => round(Math.min(range[0] + i * step, range[0] + (i + 1) * step) + Math.abs(step) * 0.1)
	};
}

/** Coordinates to a hundredth of a unit: no float noise in the markup, nothing visible lost. */
export function round(v: number): number {
	return Math.round(v * 100) / 100;
}
