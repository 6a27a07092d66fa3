import { and, eq } from 'drizzle-orm';
import type { ContactForm, ContactKind, Topic } from '$lib/casework';
import { CASEWORKER_KINDS, type AppointmentKind } from '$lib/domain';
import type { Locale } from '$lib/i18n/locales';
import { berlinParts } from '../appointments/time';
import { db } from '../db';
import { appointments, contacts, documentQuestions, type Appointment } from '../db/schema';
import type { CaseWorkAccess } from '../policy/casework';
import { MAX_CONTACT_MINUTES } from './schema';

/** What the contact form starts with; every field is a string or a list, as the form sends it back. */
export type ContactDraft = {
	date: string;
	time: string;
	durationMinutes: string;
	form: ContactForm;
	kind: ContactKind;
	interpreter: string;
	topics: Topic[];
	persons: string[];
	note: string;
	noteLanguage: Locale;
	appointmentId: string;
	questionId: string;
};

const FORM_OF_KIND: Record<(typeof CASEWORKER_KINDS)[number], ContactForm> = {
	home_visit: 'home_visit',
	office_consultation: 'office',
	phone_call: 'phone'
};

export function isCaseworkerKind(kind: AppointmentKind): kind is (typeof CASEWORKER_KINDS)[number] {
	return (CASEWORKER_KINDS as readonly string[]).includes(kind);
}

/** An unplanned contact: a call just now, a quarter of an hour, a follow-up (the first talk on a new case). */
export function unplannedDraft(participantId: string, firstContact: boolean, now = new Date()): ContactDraft {
	const { date, time } = berlinParts(now);
	return {
		date,
		time,
		durationMinutes: '15',
		form: 'phone',
		kind: firstContact ? 'first_talk' : 'follow_up',
		interpreter: 'none',
		topics: [],
		persons: [participantId],
		note: '',
		noteLanguage: 'de',
		appointmentId: '',
		questionId: ''
	};
}

/** A done meeting with the caseworker as a contact: its time, its length, the form its kind implies. */
export function draftFromAppointment(a: Appointment, firstContact: boolean): ContactDraft | null {
	if (a.status !== 'done' || !isCaseworkerKind(a.kind)) return null;
	const minutes = Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
	return {
		...unplannedDraft(a.participantId, firstContact, a.startsAt),
		durationMinutes: String(Math.min(Math.max(minutes, 1), MAX_CONTACT_MINUTES)),
		form: FORM_OF_KIND[a.kind],
		appointmentId: a.id
	};
}

export type Prefill =
	{ kind: 'draft'; draft: ContactDraft } | { kind: 'recorded'; contactId: string } | { kind: 'none' };

async function recordedFor(column: typeof contacts.appointmentId | typeof contacts.questionId, id: string) {
	const [row] = await db.select({ id: contacts.id }).from(contacts).where(eq(column, id));
	return row?.id ?? null;
}

/** The form for a done appointment of this person, or the contact already recorded for it. */
export async function prefillFromAppointment(
	access: CaseWorkAccess,
	appointmentId: string,
	firstContact: boolean
): Promise<Prefill> {
	const [row] = await db
		.select()
		.from(appointments)
		.where(and(eq(appointments.id, appointmentId), eq(appointments.participantId, access.participantId)));
	if (row === undefined) return { kind: 'none' };
	const recorded = await recordedFor(contacts.appointmentId, row.id);
	if (recorded !== null) return { kind: 'recorded', contactId: recorded };
	const draft = draftFromAppointment(row, firstContact);
	return draft === null ? { kind: 'none' } : { kind: 'draft', draft };
}

/** An answered "please explain" question as a digital contact at the time of the answer; topics optional. */
export async function prefillFromQuestion(
	access: CaseWorkAccess,
	questionId: string,
	firstContact: boolean
): Promise<Prefill> {
	const [row] = await db
		.select()
		.from(documentQuestions)
		.where(and(eq(documentQuestions.id, questionId), eq(documentQuestions.participantId, access.participantId)));
	if (row === undefined || row.answeredAt === null) return { kind: 'none' };
	const recorded = await recordedFor(contacts.questionId, row.id);
	if (recorded !== null) return { kind: 'recorded', contactId: recorded };
	const draft = unplannedDraft(access.participantId, firstContact, row.answeredAt);
	return { kind: 'draft', draft: { ...draft, form: 'digital', durationMinutes: '10', questionId: row.id } };
}

/**
 * Where a caseworker goes after marking a meeting with themselves done: the pre-filled contact form (the work
 * queue links to the same address). Null for other appointments, or when the contact is already recorded.
 */
export async function contactFormAfterDone(
	actorId: string,
	participantId: string,
	appointmentId: string
): Promise<string | null> {
	const [row] = await db
		.select({ kind: appointments.kind, staffId: appointments.staffId, status: appointments.status })
		.from(appointments)
		.where(and(eq(appointments.id, appointmentId), eq(appointments.participantId, participantId)));
	if (row === undefined || row.status !== 'done' || row.staffId !== actorId || !isCaseworkerKind(row.kind)) return null;
	if ((await recordedFor(contacts.appointmentId, appointmentId)) !== null) return null;
	return `/participants/${participantId}/contacts/new?appointment=${appointmentId}`;
}

/** For a done meeting's page: the contact recorded for it, or the address to record one. */
export async function contactLinkFor(
	access: CaseWorkAccess | null,
	appointment: Pick<Appointment, 'id' | 'kind' | 'status' | 'participantId'>
): Promise<{ recorded: boolean; href: string } | null> {
	if (access === null || !access.recordWork) return null;
	if (appointment.status !== 'done' || !isCaseworkerKind(appointment.kind)) return null;
	const base = `/participants/${appointment.participantId}/contacts`;
	const recorded = await recordedFor(contacts.appointmentId, appointment.id);
	return recorded === null
		? { recorded: false, href: `${base}/new?appointment=${appointment.id}` }
		: { recorded: true, href: `${base}/${recorded}` };
}
