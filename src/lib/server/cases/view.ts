// Case data as pages show it: dates formatted on the server in the reader's language, no dictionaries.
import { CLOSURE_REASONS, EXTENDED_PERIOD_MONTHS } from '$lib/casework';
import { formatDate, formatDateTime, formatTimeRange } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { FIELDS } from '$lib/plan';
import type { PeriodState } from './period';
import type { readCase } from './read';
import { closureNeedsLead, closureReasonsFor, stepsFrom } from './transitions';

/** Event kinds the timeline names; any other kind (written by a later feature) shows as "other". */
export const CASE_EVENT_KINDS = [
	'opened',
	'handover_received',
	'first_contact',
	'paused',
	'resumed',
	'transferred',
	'closed',
	'reopened',
	'extension_requested',
	'extension_approved',
	'extension_refused',
	'closure_requested',
	'closure_refused',
	'eligibility_changed',
	'reassigned',
	'cover_started',
	'cover_ended',
	'assessment_recorded',
	'referral_changed'
] as const;

export function periodView(period: PeriodState | null, locale: Locale) {
	if (period === null) return null;
	return { ...period, startsOn: formatDate(locale, period.startsOn), endsOn: formatDate(locale, period.endsOn) };
}

function eventDetail(detail: Record<string, unknown> | null) {
	const text = (key: string) => (typeof detail?.[key] === 'string' ? (detail[key] as string) : null);
	return {
		closureReason: text('closureReason'),
		serviceName: text('serviceName') ?? text('service'),
		months: typeof detail?.months === 'number' ? detail.months : null,
		eligibility: text('eligibility')
	};
}

export function caseView(read: Awaited<ReturnType<typeof readCase>>, locale: Locale) {
	const row = read.case;
	const hasOpen = (kind: string) => read.requests.some((r) => r.kind === kind);
	const extendable =
		read.period !== null &&
		row.status !== 'closed' &&
		row.periodMonths < EXTENDED_PERIOD_MONTHS &&
		!hasOpen('extension');
	const handover = read.handover;
	return {
		status: row.status,
		version: row.version,
		eligibility: row.eligibility,
		allocatedOn: row.allocatedOn === null ? null : formatDate(locale, row.allocatedOn),
		periodMonths: row.periodMonths,
		closureReason: row.closureReason,
		closedAt: row.closedAt === null ? null : formatDateTime(locale, row.closedAt),
		period: periodView(read.period, locale),
		steps: stepsFrom(row.status),
		closureReasons: closureReasonsFor(row.status, CLOSURE_REASONS).map((code) => ({
			code,
			needsLead: closureNeedsLead(code)
		})),
		closureRequested: hasOpen('closure'),
		extensionMonths: extendable
			? Array.from({ length: EXTENDED_PERIOD_MONTHS - row.periodMonths }, (_, i) => row.periodMonths + i + 1)
			: [],
		requests: read.requests.map((r) => ({ ...r, requestedAt: formatDateTime(locale, r.requestedAt) })),
		handover:
			handover === null
				? null
				: {
						service: handover.service,
						person: handover.person,
						phone: handover.phone,
						allocatedOn: formatDate(locale, handover.allocatedOn),
						language: handover.language,
						matters: FIELDS.filter((f) => (handover.openMatters[f] ?? '') !== '').map((field) => ({
							field,
							text: handover.openMatters[field] ?? ''
						})),
						consent: handover.consentId !== null ? 'record' : 'paper',
						paperConsentOn: handover.paperConsentOn === null ? null : formatDate(locale, handover.paperConsentOn)
					},
		service: read.service,
		appointment:
			read.appointment === null
				? null
				: {
						id: read.appointment.id,
						when: formatTimeRange(locale, read.appointment.startsAt, read.appointment.endsAt)
					},
		exitSnapshotRecorded: read.exitSnapshotRecorded,
		events: read.events.map((e) => ({
			id: e.id,
			kind: (CASE_EVENT_KINDS as readonly string[]).includes(e.kind) ? e.kind : 'other',
			toStatus: e.toStatus,
			reason: e.reason,
			at: formatDateTime(locale, e.at),
			actorName: e.actorName,
			...eventDetail(e.detail)
		}))
	};
}
export type CaseView = ReturnType<typeof caseView>;
