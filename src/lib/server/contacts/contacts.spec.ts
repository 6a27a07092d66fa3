import { and, count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { CONSENT_SCOPES } from '$lib/domain';
import { acceptGrant, grantConsent } from '../consent';
import { db } from '../db';
import { auditLog, caseEvents, cases, contactPersons, contacts, contactTopics } from '../db/schema';
import { parseForm } from '../forms';
import { berlinParts } from '../appointments/time';
import { actorOf, makeParticipant, makeUser, makeWorld } from '../testing/factories';
import type { Actor } from '../policy';
import { correctContact } from './correct';
import { contactDetail, contactsPage, openContactWriting, openContacts } from './read';
import { contactSchema, type ContactInput } from './schema';
import { recordContact } from './write';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const caseworker = () => actorOf(world.caseworker);
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);

beforeEach(async () => {
	world = await makeWorld();
});

/** A filled-in contact form, an hour ago unless told otherwise. */
function input(overrides: Partial<ContactInput> = {}, at = new Date(Date.now() - 60 * MINUTE)): ContactInput {
	const { date, time } = berlinParts(at);
	return {
		date,
		time,
		durationMinutes: 30,
		form: 'office',
		kind: 'follow_up',
		interpreter: 'none',
		topics: ['housing'],
		persons: [],
		note: 'Mietvertrag besprochen',
		noteLanguage: 'de',
		appointmentId: '',
		questionId: '',
		...overrides
	};
}

async function record(actor: Actor, overrides: Partial<ContactInput> = {}, participantId = pid()) {
	return recordContact(await openContacts(actor, participantId), input(overrides));
}

const contactCount = async (participantId = pid()) =>
	(await db.select({ n: count() }).from(contacts).where(eq(contacts.participantId, participantId)))[0].n;

function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) data.append(k, value);
	return data;
}
const valid = {
	date: '2026-01-10',
	time: '10:00',
	durationMinutes: '45',
	form: 'home_visit',
	kind: 'follow_up',
	topics: ['housing', 'rent_debts']
};

describe('recording a contact', () => {
	it('stores time, form, topics, the persons present (the person always) and audits it', async () => {
		const result = await record(caseworker(), { topics: ['housing', 'rent_debts'], interpreter: 'professional' });
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const [row] = await db.select().from(contacts).where(eq(contacts.id, result.id));
		expect(row).toMatchObject({ participantId: pid(), caseworkerId: world.caseworker.id, durationMinutes: 30 });
		const topics = await db.select().from(contactTopics).where(eq(contactTopics.contactId, result.id));
		expect(topics.map((t) => t.topic).sort()).toEqual(['housing', 'rent_debts']);
		const persons = await db.select().from(contactPersons).where(eq(contactPersons.contactId, result.id));
		expect(persons.map((p) => p.participantId)).toEqual([pid()]);
		const audits = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'contact.recorded'), eq(auditLog.participantId, pid())));
		expect(audits).toHaveLength(1);
	});

	it('names household members present, but nobody from outside the household', async () => {
		const householdId = crypto.randomUUID();
		const mother = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			householdId
		});
		const son = await makeParticipant({ organisationId: world.county.id, townId: world.town.id, householdId });
		const withSon = await record(caseworker(), { persons: [mother.id, son.id] }, mother.id);
		expect(withSon.ok).toBe(true);
		const stranger = await record(caseworker(), { persons: [world.neighbour.id] }, mother.id);
		expect(stranger).toMatchObject({ ok: false, reason: 'form.pick_option', field: 'persons' });
		expect(await contactCount(mother.id)).toBe(1);
	});

	it('refuses bad input with a message and writes nothing', async () => {
		const refusedByForm = [
			{ durationMinutes: '0' },
			{ durationMinutes: '-15' },
			{ durationMinutes: '601' },
			{ durationMinutes: '100000' },
			{ durationMinutes: 'eine Stunde' },
			{ topics: ['housing', 'astrology'] },
			{ form: 'carrier_pigeon' },
			{ kind: '' },
			{ date: '10.01.2026' }
		];
		for (const wrong of refusedByForm) {
			const parsed = parseForm(contactSchema, form({ ...valid, ...wrong }));
			expect(parsed.ok, JSON.stringify(wrong)).toBe(false);
		}
		const duration = parseForm(contactSchema, form({ ...valid, durationMinutes: '0' }));
		expect(!duration.ok && duration.failure.data.errors.durationMinutes).toBe('contacts.duration_invalid');
		expect(parseForm(contactSchema, form(valid)).ok).toBe(true);

		const inAnHour = new Date(Date.now() + 60 * MINUTE);
		const future = recordContact(await openContacts(caseworker(), pid()), input({}, inAnHour));
		expect(future).toMatchObject({ ok: false, reason: 'contacts.in_future' });
		const longAgo = recordContact(await openContacts(caseworker(), pid()), input({}, new Date(Date.now() - 400 * DAY)));
		expect(longAgo).toMatchObject({ ok: false, reason: 'contacts.too_old' });
		expect(await record(caseworker(), { topics: [] })).toMatchObject({ ok: false, reason: 'contacts.topic_required' });
		expect(await contactCount()).toBe(0);
	});

	it('allows a few minutes of clock skew, not more', async () => {
		const access = await openContacts(caseworker(), pid());
		const now = new Date();
		expect(recordContact(access, input({}, new Date(now.getTime() + 3 * MINUTE)), now).ok).toBe(true);
	});

	it('refuses a closed case, and the first contact on a referred case starts its period', async () => {
		const closed = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			caseStatus: 'closed'
		});
		expect(await record(caseworker(), {}, closed.id)).toMatchObject({ ok: false, reason: 'contacts.case_closed' });
		expect(await contactCount(closed.id)).toBe(0);
	});
});

describe('the first contact starts the counselling period once', () => {
	it('two first contacts saved at the same moment: both are kept, the period starts once', async () => {
		const referred = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			caseStatus: 'referred'
		});
		const save = async () =>
			recordContact(await openContacts(caseworker(), referred.id), input({ kind: 'first_talk' }));
		const results = await Promise.all([save(), save()]);
		expect(results.every((r) => r.ok)).toBe(true);
		const [row] = await db.select().from(cases).where(eq(cases.participantId, referred.id));
		expect(row.status).toBe('active');
		expect(row.periodStartsOn).toBe(input().date);
		const starts = await db
			.select()
			.from(caseEvents)
			.where(and(eq(caseEvents.caseId, row.id), eq(caseEvents.kind, 'first_contact')));
		expect(starts).toHaveLength(1);
	});
});

describe('corrections', () => {
	async function recorded(at = new Date()) {
		const result = recordContact(
			await openContacts(caseworker(), pid()),
			input({}, new Date(at.getTime() - 60 * MINUTE)),
			at
		);
		if (!result.ok) throw new Error(result.reason);
		return result.id;
	}

	it('are audited with what changed, and need the version the form showed', async () => {
		const recordedAt = new Date();
		const id = await recorded(recordedAt);
		const access = await openContacts(caseworker(), pid());
		const correction = { ...input({ durationMinutes: 50, topics: ['housing', 'benefits'] }), seenVersion: 1 };
		expect(await correctContact(access, id, correction)).toEqual({ ok: true, id });
		const [entry] = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'contact.corrected'), eq(auditLog.participantId, pid())));
		expect(entry.detail).toMatchObject({
			contactId: id,
			changed: { durationMinutes: { from: 30, to: 50 }, topics: { from: ['housing'], to: ['housing', 'benefits'] } }
		});
		// A second tab still showing version 1 changes nothing.
		const stale = await correctContact(access, id, { ...correction, durationMinutes: 20 });
		expect(stale).toMatchObject({ ok: false, reason: 'form.changed_meanwhile' });
		const [row] = await db.select().from(contacts).where(eq(contacts.id, id));
		expect(row).toMatchObject({ durationMinutes: 50, version: 2 });
	});

	it('are possible until seven days after recording, to the millisecond, then the contact is locked', async () => {
		const recordedAt = new Date(Date.now() - 2 * 60 * MINUTE);
		const id = await recorded(recordedAt);
		const access = await openContacts(caseworker(), pid());
		const correction = (seenVersion: number) => ({ ...input({ durationMinutes: 40 }, recordedAt), seenVersion });
		const lastMoment = new Date(recordedAt.getTime() + 7 * DAY - 1);
		expect((await correctContact(access, id, correction(1), lastMoment)).ok).toBe(true);
		const locked = new Date(recordedAt.getTime() + 7 * DAY);
		expect(await correctContact(access, id, correction(2), locked)).toMatchObject({
			ok: false,
			reason: 'contacts.locked'
		});
	});
});

describe('who may read and record contacts', () => {
	it('others get 404: another participant, an unassigned caseworker, another organisation, volunteers', async () => {
		const neighbourSelf = actorOf(
			{ id: world.neighbour.userId!, role: 'participant', organisationId: null },
			world.neighbour.id
		);
		const volunteer = actorOf(await makeUser('volunteer', null));
		const outsiders = [neighbourSelf, actorOf(world.otherCaseworker), actorOf(world.welfareCaseworker), volunteer];
		for (const actor of outsiders) {
			await expect(openContacts(actor, pid()), actor.role).rejects.toMatchObject({ status: 404 });
		}
		// A volunteer she shares everything with still sees no case work: it is the professional's record.
		const consented = actorOf(await makeUser('volunteer', null));
		const { code } = await grantConsent(self(), pid(), {
			granteeKind: 'volunteer',
			granteeName: 'Ulrike',
			purpose: 'Begleitung',
			scopes: [...CONSENT_SCOPES],
			months: 3,
			givenVia: 'app',
			noticeLocale: 'de'
		});
		expect(await acceptGrant(consented, code!)).toEqual({ ok: true, participantId: pid() });
		await expect(openContacts(consented, pid())).rejects.toMatchObject({ status: 404 });
	});

	it("a contact is found only under its own person: another person's address shows nothing", async () => {
		const recorded = await record(caseworker());
		if (!recorded.ok) throw new Error(recorded.reason);
		const lead = actorOf(world.lead);
		expect(await contactDetail(await openContacts(lead, pid()), recorded.id)).not.toBeNull();
		expect(await contactDetail(await openContacts(lead, world.neighbour.id), recorded.id)).toBeNull();
		const correction = { ...input(), seenVersion: 1 };
		await expect(
			correctContact(await openContacts(lead, world.neighbour.id), recorded.id, correction)
		).rejects.toMatchObject({ status: 404 });
		await expect(openContactWriting(self(), pid())).rejects.toMatchObject({ status: 404 });
	});

	it('the person reads her contacts without their notes, and cannot record one', async () => {
		await record(caseworker());
		const own = await openContacts(self(), pid());
		const page = await contactsPage(own, null);
		expect(page.rows).toHaveLength(1);
		expect(page.rows[0].note).toBeNull();
		expect(JSON.stringify(page.rows)).not.toContain('Mietvertrag');
		expect(() => recordContact(own, input())).toThrow(expect.objectContaining({ status: 404 }));
		const staffView = await contactsPage(await openContacts(caseworker(), pid()), null);
		expect(staffView.rows[0].note).toBe('Mietvertrag besprochen');
	});

	it('a look by staff is audited, the person looking at her own is not', async () => {
		const looks = async () =>
			(
				await db
					.select()
					.from(auditLog)
					.where(and(eq(auditLog.action, 'contacts.viewed'), eq(auditLog.participantId, pid())))
			).length;
		await openContacts(self(), pid());
		expect(await looks()).toBe(0);
		await openContacts(caseworker(), pid());
		expect(await looks()).toBe(1);
	});
});
