import type { AppointmentKind, AppointmentStatus, BringItem } from '$lib/domain';
import { formatDateTime, formatRelativeDay, formatTimeRange } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import type { AppointmentAccess, Actor } from '../policy';
import { canEditDetails, changesAllowed, eventsOf, type AppointmentWithPeople, type ChangeName } from './index';
import { appointmentTimesOf } from './lists';

export type AppointmentEventView = {
	at: string;
	action: string;
	message: string;
	actorName: string | null;
	actorRole: string | null;
};

/** One appointment as a page shows it: times already formatted in the reader's language, on German clocks. */
export type AppointmentView = {
	id: string;
	kind: AppointmentKind;
	title: string;
	status: AppointmentStatus;
	version: number;
	awaiting: 'participant' | 'staff' | null;
	when: string;
	relativeDay: string | null;
	startsAt: string;
	past: boolean;
	place: string;
	address: string;
	directions: string;
	bring: BringItem[];
	bringNote: string;
	note: string;
	staffName: string | null;
	companionName: string | null;
	createdByName: string;
	addedByParticipant: boolean;
	fromOfficeHours: boolean;
	replaces: string | null;
	changes: ChangeName[];
	editable: boolean;
	companionId: string | null;
	events: AppointmentEventView[];
};

export async function appointmentViews(
	rows: AppointmentWithPeople[],
	access: AppointmentAccess,
	actor: Actor,
	locale: Locale,
	now = new Date()
): Promise<AppointmentView[]> {
	const events = await eventsOf(rows.map((r) => r.id));
	const byId = new Map<string, { startsAt: Date; endsAt: Date }>(rows.map((r) => [r.id, r]));
	// A page of a list may not hold the appointment another one was moved from.
	const elsewhere = rows.flatMap((r) => (r.replacesId !== null && !byId.has(r.replacesId) ? [r.replacesId] : []));
	for (const r of await appointmentTimesOf(access, elsewhere)) byId.set(r.id, r);
	return rows.map((a) => {
		const replaced = a.replacesId === null ? undefined : byId.get(a.replacesId);
		return {
			id: a.id,
			kind: a.kind,
			title: a.title,
			status: a.status,
			version: a.version,
			awaiting: a.awaiting,
			when: formatTimeRange(locale, a.startsAt, a.endsAt),
			relativeDay: formatRelativeDay(locale, a.startsAt, now),
			startsAt: a.startsAt.toISOString(),
			past: a.endsAt.getTime() <= now.getTime(),
			place: a.place,
			address: a.address,
			directions: a.directions,
			bring: a.bring,
			bringNote: a.bringNote,
			note: a.note,
			staffName: a.staffName,
			companionName: a.companionName,
			createdByName: a.createdByName,
			addedByParticipant: a.createdByRole === 'participant',
			fromOfficeHours: a.slotId !== null,
			replaces: replaced === undefined ? null : formatTimeRange(locale, replaced.startsAt, replaced.endsAt),
			changes: changesAllowed(a, access, actor, now),
			editable: canEditDetails(a, access, actor),
			companionId: a.companionId,
			events: events
				.filter((e) => e.appointmentId === a.id)
				.map((e) => ({
					at: formatDateTime(locale, e.at),
					action: e.action,
					message: e.message,
					actorName: e.actorName,
					actorRole: e.actorRole
				}))
		};
	});
}

/** Whose appointments a page shows, and whether the reader is that person or a volunteer acting for them. */
export function readerOf(access: AppointmentAccess, person: { givenName: string; familyName: string }) {
	const name = `${person.givenName} ${person.familyName}`;
	return { name, self: access.relation === 'self', actingFor: access.relation === 'consented_volunteer' ? name : null };
}
