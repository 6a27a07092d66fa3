import { formatDate, formatDateTime } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { FigureRecord } from './records';

/** The label keys of a drillable figure and its part (a form, a reason…), for the list's heading. */
const FIGURE_LABELS: Record<string, { label: string; part?: string }> = {
	'k1.atEnd': { label: 'report.k1.at_end' },
	'k1.new': { label: 'report.k1.new' },
	'k1.closed': { label: 'report.k1.closed' },
	'k2.contacts': { label: 'report.k2.contacts' },
	'k2.form': { label: 'report.k2.by_form', part: 'contact_form' },
	'k2.kind': { label: 'report.k2.by_kind', part: 'contact_kind' },
	'k4.newlyAgreed': { label: 'report.k4.newly' },
	'k7.handovers': { label: 'report.k7.handovers' },
	'k7.referrals': { label: 'report.k7.referrals', part: 'referral_target' },
	'k7.transfers': { label: 'report.k7.transfers', part: 'transfer_target' },
	'k8.closures': { label: 'report.k8.by_reason', part: 'closure_reason' },
	'k9.pairs': { label: 'report.k9.pairs' },
	'k10.cases': { label: 'report.k10.cases' }
};

export function figureLabel(figure: string, key: string | null): { label: string; part: string | null } {
	if (figure.startsWith('qa.')) return { label: `report.${figure}`, part: null };
	const known = FIGURE_LABELS[figure] ?? { label: 'report.title' };
	// A caseworker's cases (K10) are keyed by their id, which has no label of its own.
	return { label: known.label, part: key !== null && known.part !== undefined ? `${known.part}.${key}` : null };
}

export type RecordView = { id: string; participantId: string; name: string | null; when: string; detail: string[] };

/** Dates as German days where the record is a day (a handover, a period start), else with the time. */
export function recordViews(rows: FigureRecord[], locale: Locale): RecordView[] {
	return rows.map((row) => {
		let when = '–';
		if (row.at !== null) {
			const date = new Date(row.at);
			const midnightUtc = row.at % 86_400_000 === 0;
			when = midnightUtc ? formatDate(locale, date.toISOString().slice(0, 10)) : formatDateTime(locale, date);
		}
		return { id: row.id, participantId: row.participantId, name: row.name, when, detail: row.detail };
	});
}
