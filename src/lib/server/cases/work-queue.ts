import { and, asc, count, desc, eq, sql, type SQL } from 'drizzle-orm';
import { dayInGermany } from '$lib/i18n/format';
import { recordAudit } from '../audit';
import { db } from '../db';
import { appointments, cases, participants, plans } from '../db/schema';
import { caseloadCondition, type Actor } from '../policy';
import { periodEndsOn } from './period';
import {
	attentionCondition,
	undocumentedAppointment,
	WORK_QUEUE_GROUPS,
	type Clock,
	type WorkQueueGroup
} from './attention';

/** Each group shows its first few; "show all" opens the caseload filtered to the group. */
export const WORK_QUEUE_ITEMS = 5;

export type WorkQueueItem = {
	participantId: string;
	givenName: string;
	familyName: string;
	/** The done appointment to document (contact_missing). */
	appointmentId: string | null;
	/** The moment that makes the item due: the appointment's start; null for the rest. */
	at: Date | null;
	/** A day that matters: when the period ends, when the review is due. */
	day: string | null;
	/** The day has passed: period over, review overdue. */
	overdue: boolean;
};
export type WorkQueueGroupView = { group: WorkQueueGroup; total: number; items: WorkQueueItem[] };

const person = {
	participantId: participants.id,
	givenName: participants.givenName,
	familyName: participants.familyName
};

async function appointmentGroup(scope: SQL): Promise<WorkQueueGroupView> {
	const where = and(scope, undocumentedAppointment());
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({ ...person, appointmentId: appointments.id, at: appointments.startsAt })
			.from(appointments)
			.innerJoin(participants, eq(participants.id, appointments.participantId))
			.where(where)
			.orderBy(desc(appointments.startsAt))
			.limit(WORK_QUEUE_ITEMS),
		db
			.select({ total: count() })
			.from(appointments)
			.innerJoin(participants, eq(participants.id, appointments.participantId))
			.where(where)
	]);
	return {
		group: 'contact_missing',
		total,
		items: rows.map((r) => ({ ...r, day: null, overdue: false }))
	};
}

/** The few items shown first are the most pressing: the longest overdue review, the period that ends first. */
function mostUrgentFirst(group: WorkQueueGroup): SQL[] {
	if (group === 'review_due') return [asc(plans.nextReviewDate)];
	if (group === 'period_ending') {
		return [asc(sql`date(${cases.periodStartsOn}, '+' || ${cases.periodMonths} || ' months')`)];
	}
	return [];
}

async function participantGroup(group: WorkQueueGroup, scope: SQL, clock: Clock): Promise<WorkQueueGroupView> {
	const where = and(scope, attentionCondition(group, clock));
	const [rows, [{ total }]] = await Promise.all([
		db
			.select({
				...person,
				periodStartsOn: cases.periodStartsOn,
				periodMonths: cases.periodMonths,
				nextReviewDate: plans.nextReviewDate
			})
			.from(participants)
			.innerJoin(cases, eq(cases.participantId, participants.id))
			.leftJoin(plans, eq(plans.participantId, participants.id))
			.where(where)
			.orderBy(
				...mostUrgentFirst(group),
				asc(participants.familyName),
				asc(participants.givenName),
				asc(participants.id)
			)
			.limit(WORK_QUEUE_ITEMS),
		db.select({ total: count() }).from(participants).where(where)
	]);
	return {
		group,
		total,
		items: rows.map((r) => {
			const day =
				group === 'period_ending' && r.periodStartsOn !== null
					? periodEndsOn(r.periodStartsOn, r.periodMonths)
					: group === 'review_due'
						? r.nextReviewDate
						: null;
			return {
				participantId: r.participantId,
				givenName: r.givenName,
				familyName: r.familyName,
				appointmentId: null,
				at: null,
				day,
				overdue: day !== null && day < clock.today
			};
		})
	};
}

/**
 * The caseworker's start page: every group of what needs doing, counted over the actor's caseload (covered
 * cases included on the covered days) with its first few items. Showing names is audited like the caseload.
 */
export async function workQueue(
	actor: Actor,
	clock: Clock = { today: dayInGermany(), now: Date.now() }
): Promise<WorkQueueGroupView[]> {
	const scope = caseloadCondition(actor, clock.today);
	if (scope === null) return [];
	const groups = await Promise.all(
		WORK_QUEUE_GROUPS.map((group) =>
			group === 'contact_missing' ? appointmentGroup(scope) : participantGroup(group, scope, clock)
		)
	);
	const shown = [...new Set(groups.flatMap((g) => g.items.map((i) => i.participantId)))];
	await recordAudit({ actor, action: 'caseload.viewed', detail: { workQueue: true, shown } });
	return groups;
}

/** Where an item is done. */
export function workQueueHref(group: WorkQueueGroup, item: WorkQueueItem): string {
	const base = `/participants/${item.participantId}`;
	switch (group) {
		case 'contact_missing':
			return `${base}/contacts/new?appointment=${item.appointmentId}`;
		case 'review_due':
			return `${base}/plan`;
		case 'letters':
			return `${base}/documents`;
		case 'appointments':
			return `${base}/appointments`;
		default:
			return base;
	}
}
