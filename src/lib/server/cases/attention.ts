import { sql, type SQL } from 'drizzle-orm';
import { PERIOD_MONTHS, PERIOD_WARNING_MONTH } from '$lib/casework';
import { periodEndsWithinCondition } from './period-sql';
import {
	appointments,
	caseRequests,
	cases,
	contacts,
	documentQuestions,
	organisations,
	participants,
	plans
} from '../db/schema';

/**
 * What needs a caseworker's hand, as conditions on `participants`: the work queue counts them and the caseload
 * filters by them ("show all"), so both always agree. Each is an EXISTS on an index keyed by the participant.
 */
export const WORK_QUEUE_GROUPS = [
	'contact_missing',
	'referred',
	'no_contact',
	'period_ending',
	'review_due',
	'letters',
	'appointments',
	'requests_refused'
] as const;
export type WorkQueueGroup = (typeof WORK_QUEUE_GROUPS)[number];

/** Plan reviews show this many days before they fall due. */
export const REVIEW_HORIZON_DAYS = 14;
/** A refused extension or closure stays in the queue this long after the lead's decision. */
export const REFUSAL_SHOWN_DAYS = 14;
/** A period is flagged this many months before it ends: month 30 of 36, month 42 of an extension to 48. */
const WARNING_MONTHS_BEFORE_END = PERIOD_MONTHS - PERIOD_WARNING_MONTH;
const DAY_MS = 86_400_000;

export type Clock = { today: string; now: number };

function addDays(day: string, days: number): string {
	return new Date(Date.parse(`${day}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** A done appointment with a caseworker that no contact was recorded from (the contact form pre-fills from it). */
export function undocumentedAppointment(): SQL {
	// The unary plus keeps SQLite off the status index (every done appointment of the installation): the rows
	// come from the person's own appointments instead.
	return sql`+${appointments.status} = 'done' and ${appointments.staffId} is not null
		and not exists (select 1 from ${contacts} where ${contacts.appointmentId} = ${appointments.id})`;
}

export function attentionCondition(group: WorkQueueGroup, { today, now }: Clock): SQL {
	const caseOf = (condition: SQL) =>
		sql`exists (select 1 from ${cases} where ${cases.participantId} = ${participants.id} and ${condition})`;
	switch (group) {
		case 'contact_missing':
			return sql`exists (select 1 from ${appointments} where ${appointments.participantId} = ${participants.id}
				and ${undocumentedAppointment()})`;
		case 'referred':
			return caseOf(sql`${cases.status} = 'referred'`);
		case 'no_contact': {
			// The organisation's setting, in weeks: no contact since then, and the period is older than that.
			const weeks = sql`(select ${organisations.contactGapWeeks} from ${organisations} where ${organisations.id} = ${participants.organisationId})`;
			return caseOf(sql`${cases.status} = 'active' and ${cases.periodStartsOn} <= date(${today}, '-' || (${weeks} * 7) || ' days')
				and not exists (select 1 from ${contacts} where ${contacts.participantId} = ${participants.id}
					and ${contacts.occurredAt} >= ${now} - ${weeks} * 604800000)`);
		}
		case 'period_ending':
			// From month 30 of 36 (42 of 48), and past the end without an extension: the case lifecycle's rule.
			return caseOf(periodEndsWithinCondition(today, WARNING_MONTHS_BEFORE_END));
		case 'review_due':
			return sql`exists (select 1 from ${plans} where ${plans.participantId} = ${participants.id}
				and ${plans.nextReviewDate} <= ${addDays(today, REVIEW_HORIZON_DAYS)})`;
		case 'letters':
			return sql`exists (select 1 from ${documentQuestions} where ${documentQuestions.participantId} = ${participants.id}
				and ${documentQuestions.answeredAt} is null)`;
		case 'appointments':
			return sql`exists (select 1 from ${appointments} where ${appointments.participantId} = ${participants.id}
				and ${appointments.awaiting} = 'staff' and ${appointments.status} in ('requested', 'confirmed', 'declined'))`;
		case 'requests_refused':
			return caseOf(sql`exists (select 1 from ${caseRequests} where ${caseRequests.caseId} = ${cases.id}
				and ${caseRequests.outcome} = 'refused' and ${caseRequests.decidedAt} >= ${now - REFUSAL_SHOWN_DAYS * DAY_MS})`);
	}
}
