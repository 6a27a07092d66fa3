import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { changeAppointment, createAppointment } from '../appointments';
import { berlinParts, berlinWallTime } from '../appointments/time';
import { db } from '../db';
import { contacts, documentQuestions, type Appointment } from '../db/schema';
import { answerExplanation, askExplanation } from '../documents/questions';
import { uploadDocument } from '../documents/write';
import { actorOf, appointmentInput, makeWorld } from '../testing/factories';
import { asFile, pdf } from '../testing/files';
import { recordAnswerAsContact } from './answers';
import { contactFormAfterDone, draftFromAppointment, prefillFromAppointment } from './prefill';
import { openContacts } from './read';
import { recordContact } from './write';

const MINUTE = 60_000;
let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const caseworker = () => actorOf(world.caseworker);

beforeEach(async () => {
	world = await makeWorld();
});

function appointment(overrides: Partial<Appointment>): Appointment {
	const startsAt = new Date('2026-03-10T09:00:00Z');
	return {
		id: 'a1',
		participantId: 'p1',
		kind: 'home_visit',
		title: '',
		startsAt,
		endsAt: new Date(startsAt.getTime() + 75 * MINUTE),
		place: '',
		address: '',
		directions: '',
		bring: [],
		bringNote: '',
		note: '',
		status: 'done',
		awaiting: null,
		staffId: 'u1',
		companionId: null,
		slotId: null,
		replacesId: null,
		version: 2,
		createdBy: 'u1',
		createdAt: startsAt,
		updatedAt: startsAt,
		...overrides
	};
}

describe('a done meeting as a contact', () => {
	it('takes its time, length and the form its kind implies; the person is present', () => {
		expect(draftFromAppointment(appointment({}), false)).toMatchObject({
			date: '2026-03-10',
			time: '10:00',
			durationMinutes: '75',
			form: 'home_visit',
			kind: 'follow_up',
			persons: ['p1'],
			topics: [],
			appointmentId: 'a1'
		});
		expect(draftFromAppointment(appointment({ kind: 'office_consultation' }), true)).toMatchObject({
			form: 'office',
			kind: 'first_talk'
		});
		expect(draftFromAppointment(appointment({ kind: 'phone_call' }), false)?.form).toBe('phone');
	});

	it('is no contact when it was not with the caseworker or is not done', () => {
		expect(draftFromAppointment(appointment({ kind: 'jobcenter' }), false)).toBeNull();
		expect(draftFromAppointment(appointment({ status: 'confirmed' }), false)).toBeNull();
	});

	it("marking one's own home visit done leads to the pre-filled form, once; afterwards to the contact", async () => {
		// Yesterday morning, so that the test never straddles midnight.
		const date = berlinParts(new Date(Date.now() - 24 * 60 * MINUTE)).date;
		const time = '10:00';
		const yesterdayMorning = berlinWallTime(date, '08:00');
		if (!yesterdayMorning.ok) throw new Error('no such time');
		const visit = appointmentInput(date, {
			kind: 'home_visit',
			start: time,
			end: '11:00',
			staffTakesPart: 'yes',
			agreed: 'yes'
		});
		const made = await createAppointment(caseworker(), pid(), visit, yesterdayMorning.at);
		if (!made.ok) throw new Error(made.reason);
		expect((await changeAppointment(caseworker(), pid(), made.id, 'done', '')).ok).toBe(true);
		const next = await contactFormAfterDone(world.caseworker.id, pid(), made.id);
		expect(next).toBe(`/participants/${pid()}/contacts/new?appointment=${made.id}`);
		// Someone else's done meeting is not this caseworker's to document from here.
		expect(await contactFormAfterDone(world.otherCaseworker.id, pid(), made.id)).toBeNull();

		const access = await openContacts(caseworker(), pid());
		const prefill = await prefillFromAppointment(access, made.id, false);
		if (prefill.kind !== 'draft') throw new Error(prefill.kind);
		const { draft } = prefill;
		expect(draft).toMatchObject({ date, time, durationMinutes: '60', form: 'home_visit' });
		const input = { ...draft, durationMinutes: 60, interpreter: 'none' as const, topics: ['housing' as const] };
		const saved = recordContact(access, input);
		expect(saved.ok).toBe(true);
		// Two taps on "save": one contact, and the second lands on it.
		const again = recordContact(access, input);
		expect(again).toMatchObject({
			ok: false,
			reason: 'contacts.already_recorded',
			existingId: saved.ok ? saved.id : ''
		});
		expect(await prefillFromAppointment(access, made.id, false)).toEqual({
			kind: 'recorded',
			contactId: saved.ok ? saved.id : ''
		});
		expect(await contactFormAfterDone(world.caseworker.id, pid(), made.id)).toBeNull();
	});
});

describe('an answer to "please explain"', () => {
	it('is recorded as one digital contact without topics, and only once', async () => {
		const self = actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, pid());
		const letter = { category: 'letters' as const, title: 'Jobcenter', expiresOn: '' };
		const uploaded = await uploadDocument(self, pid(), letter, [asFile(pdf(), 'brief.pdf')]);
		if (!uploaded.ok) throw new Error(uploaded.reason);
		await askExplanation(self, pid(), uploaded.id, 'Was will das Jobcenter?', 'de');
		const [question] = await db
			.select()
			.from(documentQuestions)
			.where(and(eq(documentQuestions.documentId, uploaded.id)));
		await answerExplanation(caseworker(), pid(), uploaded.id, question.id, 'Ein Termin am Montag.', 'de');
		const id = await recordAnswerAsContact(caseworker(), pid(), question.id);
		expect(id).not.toBeNull();
		const [row] = await db.select().from(contacts).where(eq(contacts.id, id!));
		expect(row).toMatchObject({ form: 'digital', questionId: question.id, durationMinutes: 10 });
		expect(await recordAnswerAsContact(caseworker(), pid(), question.id)).toBeNull();
		// Staff without case work on this person record nothing.
		expect(await recordAnswerAsContact(actorOf(world.otherCaseworker), pid(), question.id)).toBeNull();
	});
});
