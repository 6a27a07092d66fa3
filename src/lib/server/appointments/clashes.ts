import { and, eq, gt, inArray, lt } from 'drizzle-orm';
import { ACTIVE_APPOINTMENT_STATUSES } from '$lib/domain';
import { db } from '../db';
import { appointments, type Appointment } from '../db/schema';
import type { AccessTo } from '../policy';

type Span = { id: string; startsAt: Date; endsAt: Date };
export type Clash = Pick<Appointment, 'id' | 'title' | 'kind' | 'startsAt' | 'endsAt'>;

/**
 * For each time span, the first live appointment of the person that overlaps it. A booking page marks such
 * slots, and booking one needs a second, explicit yes: two appointments at once is rarely meant, but can be
 * (a phone call during a long wait at an office), so it is a warning, not a refusal.
 */
export async function clashesWith(access: AccessTo<'appointments'>, spans: Span[]): Promise<Map<string, Clash>> {
	const clashes = new Map<string, Clash>();
	if (spans.length === 0) return clashes;
	const from = new Date(Math.min(...spans.map((s) => s.startsAt.getTime())));
	const until = new Date(Math.max(...spans.map((s) => s.endsAt.getTime())));
	const live = await db
		.select({
			id: appointments.id,
			title: appointments.title,
			kind: appointments.kind,
			startsAt: appointments.startsAt,
			endsAt: appointments.endsAt,
			slotId: appointments.slotId
		})
		.from(appointments)
		.where(
			and(
				eq(appointments.participantId, access.participantId),
				inArray(appointments.status, [...ACTIVE_APPOINTMENT_STATUSES]),
				lt(appointments.startsAt, until),
				gt(appointments.endsAt, from)
			)
		)
		.orderBy(appointments.startsAt);
	for (const span of spans) {
		// Her own booking of this very slot is not another appointment: booking it again is "taken", not a clash.
		const clash = live.find((a) => a.slotId !== span.id && a.startsAt < span.endsAt && a.endsAt > span.startsAt);
		if (clash !== undefined) {
			const { slotId: _slotId, ...appointment } = clash;
			clashes.set(span.id, appointment);
		}
	}
	return clashes;
}
