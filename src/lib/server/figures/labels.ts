import type { Report } from '$lib/figures';
import type { Locale } from '$lib/i18n/locales';

const names = new Map<Locale, Intl.DisplayNames>();

/** Nationalities are stored as ISO codes; their names come from Intl in the reader's language. */
export function labelNationalities(report: Report, locale: Locale): Report {
	let display = names.get(locale);
	if (display === undefined) {
		display = new Intl.DisplayNames([locale, 'de'], { type: 'region', fallback: 'code' });
		names.set(locale, display);
	}
	const named = display;
	const byNationality = report.figures.k1.byNationality.map((part) =>
		part.key === 'other' || part.key === 'unknown' ? part : { ...part, label: safeName(named, part.key) }
	);
	return { ...report, figures: { ...report.figures, k1: { ...report.figures.k1, byNationality } } };
}

function safeName(display: Intl.DisplayNames, code: string): string {
	try {
		return display.of(code.toUpperCase()) ?? code;
	} catch {
		return code;
	}
}
