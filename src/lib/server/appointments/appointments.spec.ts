import { and, asc, count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ConsentScope } from '$lib/domain';
import { acceptGrant, grantConsent, revokeConsent, withdrawConsent } from '../consent';
import { db } from '../db';
import { appointmentEvents, appointments, auditLog, officeHourSlots } from '../db/schema';
import { assignCaseworker } from '../participants/assignment';
import { appointmentAccess, type Actor, type AppointmentAccess } from '../policy';
import { actorOf, appointmentInput, makeParticipant, makeUser, makeWorld, fixtureAccess } from '../testing/factories';
import {
	appointmentsOf,
	changeAppointment,
	changesAllowed,
	createAppointment,
	eventsOf,
	openAppointments,
	possibleCompanions,
	rescheduleAppointment,
	updateAppointmentDetails
} from '.';
import type { AppointmentInput, OfficeHoursInput } from './schema';
import { addOfficeHours, BOOKING_LEAD_MS, bookSlot, freeSlotsFor, officeHoursOf, removeSlot } from './slots';
import { berlinParts, berlinWallTime } from './time';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const neighbourSelf = () =>
	actorOf({ id: world.neighbour.userId!, role: 'participant', organisationId: null }, world.neighbour.id);
const caseworker = () => actorOf(world.caseworker);

beforeEach(async () => {
	world = await makeWorld();
});

function wall(date: string, time: string): Date {
	const result = berlinWallTime(date, time);
	if (!result.ok) throw new Error(`${date} ${time}: ${result.reason}`);
	return result.at;
}

/** The German calendar date `days` from now. */
const day = (days: number, from = new Date()) => berlinParts(new Date(from.getTime() + days * DAY)).date;

const input = (overrides: Partial<AppointmentInput> = {}) => appointmentInput(day(3), overrides);

async function made(actor: Actor, overrides: Partial<AppointmentInput> = {}, participantId = pid()): Promise<string> {
	const result = await createAppointment(actor, participantId, input(overrides));
	if (!result.ok) throw new Error(`not created: ${result.reason}`);
	return result.id;
}

async function row(id: string) {
	const [r] = await db.select().from(appointments).where(eq(appointments.id, id));
	return r;
}

const appointmentCount = async () => (await db.select({ n: count() }).from(appointments))[0].n;
const eventCount = async () => (await db.select({ n: count() }).from(appointmentEvents))[0].n;

async function auditRows(action: string, actorId?: string, participantId = pid()) {
	return db
		.select()
		.from(auditLog)
		.where(
			and(
				eq(auditLog.action, action),
				eq(auditLog.participantId, participantId),
				actorId === undefined ? undefined : eq(auditLog.actorId, actorId)
			)
		)
		.orderBy(asc(auditLog.id));
}

/** A volunteer the participant shares `scopes` with (granted in the app, accepted with the code). */
async function volunteerWith(scopes: ConsentScope[]) {
	const actor = actorOf(await makeUser('volunteer', null));
	const { id, code } = await grantConsent(self(), pid(), {
		granteeKind: 'volunteer',
		granteeName: 'Ulrike',
		purpose: 'Termine',
		scopes,
		months: 3,
		givenVia: 'app',
		noticeLocale: 'de'
	});
	expect(await acceptGrant(actor, code!)).toEqual({ ok: true, participantId: pid() });
	return { actor, consentId: id };
}

async function accessOf(actor: Actor, participantId = pid()): Promise<AppointmentAccess> {
	const access = await appointmentAccess(actor, participantId);
	if (access === null) throw new Error('no access');
	return access;
}

async function allowed(actor: Actor, id: string, now = new Date()) {
	return changesAllowed(await row(id), await accessOf(actor), actor, now);
}

describe('who may see and do what with appointments', () => {
	let actors: Record<string, Actor>;

	beforeEach(async () => {
		const withdrawn = await volunteerWith(['appointments.read']);
		expect(await withdrawConsent(self(), pid(), withdrawn.consentId)).toMatchObject({ ok: true });
		const revoked = await volunteerWith(['appointments.edit']);
		expect(await revokeConsent(caseworker(), pid(), revoked.consentId, 'Auf Wunsch')).toMatchObject({ ok: true });
		actors = {
			self: self(),
			otherParticipant: neighbourSelf(),
			assignedCaseworker: caseworker(),
			unassignedCaseworker: actorOf(world.otherCaseworker),
			otherOrganisationCaseworker: actorOf(world.welfareCaseworker),
			lead: actorOf(world.lead),
			otherOrganisationLead: actorOf(world.welfareLead),
			admin: actorOf(world.admin),
			volunteerWithoutConsent: actorOf(world.volunteer),
			volunteerRead: (await volunteerWith(['appointments.read'])).actor,
			volunteerEdit: (await volunteerWith(['appointments.edit'])).actor,
			volunteerPlanOnly: (await volunteerWith(['plan.read', 'contact.read'])).actor,
			volunteerWithdrawn: withdrawn.actor,
			volunteerRevoked: revoked.actor
		};
	});

	const staff = { respond: false, addOwn: false, book: false, manage: true };
	type Capabilities = Pick<AppointmentAccess, 'relation' | 'respond' | 'addOwn' | 'book' | 'manage'>;
	const MATRIX: Record<string, Capabilities | null> = {
		self: { relation: 'self', respond: true, addOwn: true, book: true, manage: false },
		otherParticipant: null,
		assignedCaseworker: { relation: 'assigned_caseworker', ...staff },
		unassignedCaseworker: null,
		otherOrganisationCaseworker: null,
		lead: { relation: 'organisation_lead', ...staff },
		otherOrganisationLead: null,
		admin: null,
		volunteerWithoutConsent: null,
		volunteerRead: { relation: 'consented_volunteer', respond: false, addOwn: false, book: false, manage: false },
		volunteerEdit: { relation: 'consented_volunteer', respond: true, addOwn: true, book: false, manage: false },
		volunteerPlanOnly: null,
		volunteerWithdrawn: null,
		volunteerRevoked: null
	};

	for (const [name, expected] of Object.entries(MATRIX)) {
		it(`${name}: ${expected === null ? '404, and nothing audited' : `${expected.relation}, opening is ${name === 'self' ? 'not ' : ''}audited`}`, async () => {
			const actor = actors[name];
			const access = await appointmentAccess(actor, pid());
			if (expected === null) expect(access).toBeNull();
			else expect(access).toEqual({ ...expected, participantId: pid(), actor });
			if (expected === null) {
				await expect(openAppointments(actor, pid())).rejects.toMatchObject({
					status: 404,
					body: { message: 'error.not_found' }
				});
				expect(await auditRows('appointments.viewed', actor.id)).toHaveLength(0);
			} else {
				expect(await openAppointments(actor, pid())).toEqual(access);
				const viewed = await auditRows('appointments.viewed', actor.id);
				expect(viewed).toHaveLength(name === 'self' ? 0 : 1);
			}
		});
	}

	it('a volunteer’s consent for one person opens nothing of another', async () => {
		expect(await appointmentAccess(actors.volunteerEdit, world.neighbour.id)).toBeNull();
		await expect(openAppointments(actors.volunteerRead, world.neighbour.id)).rejects.toMatchObject({ status: 404 });
	});

	it('nobody without access can create, change, move or book; they get a 404 and nothing is written', async () => {
		const id = await made(caseworker());
		const before = [await appointmentCount(), await eventCount()];
		for (const name of [
			'otherParticipant',
			'unassignedCaseworker',
			'otherOrganisationCaseworker',
			'otherOrganisationLead',
			'admin',
			'volunteerWithoutConsent',
			'volunteerPlanOnly',
			'volunteerWithdrawn',
			'volunteerRevoked'
		]) {
			const actor = actors[name];
			await expect(createAppointment(actor, pid(), input()), name).rejects.toMatchObject({ status: 404 });
			await expect(changeAppointment(actor, pid(), id, 'cancel', ''), name).rejects.toMatchObject({ status: 404 });
			await expect(
				rescheduleAppointment(actor, pid(), id, { date: day(4), start: '10:00', end: '11:00' }, ''),
				name
			).rejects.toMatchObject({ status: 404 });
			await expect(bookSlot(actor, pid(), 'no-such-slot', 'office_consultation', ''), name).rejects.toMatchObject({
				status: 404
			});
		}
		expect([await appointmentCount(), await eventCount()]).toEqual(before);
		expect((await row(id)).status).toBe('requested');
	});

	it('an appointment id of another person is not reachable through this person', async () => {
		const theirs = await made(actorOf(world.otherCaseworker), {}, world.neighbour.id);
		await expect(changeAppointment(self(), pid(), theirs, 'confirm', '')).rejects.toMatchObject({ status: 404 });
		await expect(changeAppointment(caseworker(), pid(), theirs, 'cancel', '')).rejects.toMatchObject({ status: 404 });
		await expect(
			rescheduleAppointment(caseworker(), pid(), theirs, { date: day(4), start: '10:00', end: '11:00' }, '')
		).rejects.toMatchObject({ status: 404 });
		expect((await row(theirs)).status).toBe('requested');
		expect(await appointmentsOf(fixtureAccess(pid()), theirs)).toEqual([]);
	});

	it('a volunteer with "appointments read" sees but cannot answer, add or book', async () => {
		const reader = actors.volunteerRead;
		const id = await made(caseworker());
		expect(await allowed(reader, id)).toEqual([]);
		expect(await changeAppointment(reader, pid(), id, 'confirm', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		await expect(createAppointment(reader, pid(), input())).rejects.toMatchObject({ status: 404 });
		expect((await row(id)).status).toBe('requested');
		expect((await appointmentsOf(fixtureAccess(pid()))).map((a) => a.id)).toEqual([id]);
	});

	it('a volunteer with "appointments edit" answers and adds for the person, cancels only what they added, never books or closes', async () => {
		const helper = actors.volunteerEdit;
		const fromStaff = await made(caseworker());
		expect(await allowed(helper, fromStaff)).toEqual(['confirm', 'decline', 'ask_other_time']);
		expect(await changeAppointment(helper, pid(), fromStaff, 'confirm', 'Passt, ich komme mit')).toEqual({
			ok: true,
			id: fromStaff
		});
		expect((await row(fromStaff)).status).toBe('confirmed');
		expect(await changeAppointment(helper, pid(), fromStaff, 'cancel', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect(await changeAppointment(helper, pid(), fromStaff, 'done', '', new Date(Date.now() + 4 * DAY))).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});

		const own = await made(helper, { kind: 'jobcenter' });
		expect(await row(own)).toMatchObject({ status: 'confirmed', awaiting: null, createdBy: helper.id });
		expect(await changeAppointment(helper, pid(), own, 'cancel', '')).toEqual({ ok: true, id: own });
		expect((await row(own)).status).toBe('cancelled');

		await expect(bookSlot(helper, pid(), 'any', 'office_consultation', '')).rejects.toMatchObject({ status: 404 });
		// A volunteer's changes are someone else acting on the person's data: audited.
		expect((await auditRows('appointment.changed', helper.id)).map((r) => r.detail?.action)).toEqual([
			'confirmed',
			'created',
			'cancelled'
		]);
	});

	it('withdrawing consent ends a volunteer’s access on the very next call', async () => {
		const { actor, consentId } = await volunteerWith(['appointments.edit']);
		const id = await made(caseworker());
		expect(await allowed(actor, id)).toContain('confirm');
		await withdrawConsent(self(), pid(), consentId);
		await expect(changeAppointment(actor, pid(), id, 'confirm', '')).rejects.toMatchObject({ status: 404 });
		expect((await row(id)).status).toBe('requested');
	});
});

describe('audit', () => {
	it('a look by the caseworker, the lead or a volunteer is audited; the person’s own look is not', async () => {
		const { actor: volunteer } = await volunteerWith(['appointments.read']);
		await openAppointments(self(), pid());
		await openAppointments(caseworker(), pid());
		await openAppointments(actorOf(world.lead), pid());
		await openAppointments(volunteer, pid());
		const viewed = await auditRows('appointments.viewed');
		expect(viewed.map((r) => [r.actorId, r.actorRole])).toEqual([
			[world.caseworker.id, 'caseworker'],
			[world.lead.id, 'lead'],
			[volunteer.id, 'volunteer']
		]);
	});

	it('staff changes are audited with the appointment and the action; the person’s own answers are not', async () => {
		const id = await made(caseworker());
		await changeAppointment(self(), pid(), id, 'ask_other_time', 'Lieber nachmittags');
		await changeAppointment(caseworker(), pid(), id, 'cancel', 'Fällt aus');
		const own = await made(self());
		await changeAppointment(self(), pid(), own, 'cancel', '');
		const changed = await auditRows('appointment.changed');
		expect(changed.map((r) => [r.actorId, r.detail])).toEqual([
			[world.caseworker.id, { appointmentId: id, action: 'created' }],
			[world.caseworker.id, { appointmentId: id, action: 'cancelled' }]
		]);
	});
});

describe('creating appointments', () => {
	it('staff make one for a person with an account: it waits for the person’s answer', async () => {
		const id = await made(caseworker(), {
			kind: 'immigration_office',
			title: 'Verlängerung Aufenthaltstitel',
			place: 'Ausländerbehörde',
			bring: ['passport', 'photo'],
			date: day(5),
			start: '08:30',
			end: '09:00'
		});
		const a = await row(id);
		expect(a).toMatchObject({
			status: 'requested',
			awaiting: 'participant',
			kind: 'immigration_office',
			createdBy: world.caseworker.id,
			staffId: null,
			slotId: null,
			bring: ['passport', 'photo']
		});
		expect(berlinParts(a.startsAt)).toEqual({ date: day(5), time: '08:30' });
		expect(a.endsAt.getTime() - a.startsAt.getTime()).toBe(30 * MINUTE);
		expect((await eventsOf([id])).map((e) => [e.action, e.actorName])).toEqual([
			['created', world.caseworker.displayName]
		]);
	});

	it('"already agreed" makes it confirmed; "I take part" records the caseworker', async () => {
		const id = await made(caseworker(), { kind: 'home_visit', agreed: 'yes', staffTakesPart: 'yes' });
		expect(await row(id)).toMatchObject({ status: 'confirmed', awaiting: null, staffId: world.caseworker.id });
		expect((await appointmentsOf(fixtureAccess(pid()), id))[0]).toMatchObject({
			staffName: world.caseworker.displayName,
			createdByRole: 'caseworker'
		});
	});

	it('for a person without an account nobody can answer: confirmed at once', async () => {
		const offline = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id
		});
		const id = await made(caseworker(), {}, offline.id);
		expect(await row(id)).toMatchObject({ status: 'confirmed', awaiting: null });
	});

	it('the person adds one they got by letter: confirmed, no answer needed', async () => {
		const id = await made(self(), { kind: 'doctor', title: 'Hausarzt' });
		expect(await row(id)).toMatchObject({ status: 'confirmed', awaiting: null, createdBy: world.participant.userId });
		expect(await auditRows('appointment.changed')).toHaveLength(0);
	});

	it('the person cannot type in a meeting with the caseworker: they book office hours instead', async () => {
		const before = await appointmentCount();
		for (const kind of ['office_consultation', 'home_visit', 'phone_call'] as const) {
			expect(await createAppointment(self(), pid(), input({ kind }))).toEqual({
				ok: false,
				reason: 'appointments.book_instead',
				field: 'kind'
			});
		}
		expect(await appointmentCount()).toBe(before);
	});

	it('bad times give the reason and field, and store nothing', async () => {
		const before = [await appointmentCount(), await eventCount(), (await auditRows('appointment.changed')).length];
		const cases: [Partial<AppointmentInput>, { reason: string; field: string }][] = [
			[
				{ start: '11:00', end: '10:00' },
				{ reason: 'appointments.end_before_start', field: 'end' }
			],
			[
				{ start: '10:00', end: '10:00' },
				{ reason: 'appointments.end_before_start', field: 'end' }
			],
			[
				{ start: '06:00', end: '19:00' },
				{ reason: 'appointments.too_long', field: 'end' }
			],
			[{ date: '2062-05-01' }, { reason: 'appointments.date_out_of_range', field: 'date' }],
			[{ date: day(-400) }, { reason: 'appointments.date_out_of_range', field: 'date' }],
			[
				{ date: '2027-03-28', start: '02:30', end: '03:30' },
				{ reason: 'appointments.time_nonexistent', field: 'start' }
			]
		];
		for (const [overrides, expected] of cases) {
			expect(await createAppointment(caseworker(), pid(), input(overrides)), JSON.stringify(overrides)).toEqual({
				ok: false,
				...expected
			});
			expect(await createAppointment(self(), pid(), input(overrides)), JSON.stringify(overrides)).toEqual({
				ok: false,
				...expected
			});
		}
		expect([await appointmentCount(), await eventCount(), (await auditRows('appointment.changed')).length]).toEqual(
			before
		);
	});

	it('a companion must be a volunteer the person shares appointments with', async () => {
		const { actor: companion } = await volunteerWith(['appointments.read']);
		const { actor: planOnly } = await volunteerWith(['plan.read']);
		expect((await possibleCompanions(fixtureAccess(pid()))).map((c) => c.id)).toEqual([companion.id]);
		expect(await createAppointment(caseworker(), pid(), input({ companionId: planOnly.id }))).toEqual({
			ok: false,
			reason: 'form.pick_option',
			field: 'companionId'
		});
		expect(await createAppointment(caseworker(), pid(), input({ companionId: world.volunteer.id }))).toEqual({
			ok: false,
			reason: 'form.pick_option',
			field: 'companionId'
		});
		const id = await made(caseworker(), { companionId: companion.id });
		expect((await appointmentsOf(fixtureAccess(pid()), id))[0]).toMatchObject({
			companionId: companion.id,
			companionName: (await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, companion.id) }))!.displayName
		});
	});
});

describe('answers and changes', () => {
	it('the person confirms an appointment staff asked for; staff cannot confirm it for them', async () => {
		const id = await made(caseworker());
		expect(await allowed(self(), id)).toEqual(['confirm', 'decline', 'ask_other_time']);
		expect(await allowed(caseworker(), id)).toEqual(['cancel']);
		expect(await changeAppointment(caseworker(), pid(), id, 'confirm', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect(await row(id)).toMatchObject({ status: 'requested', awaiting: 'participant' });

		expect(await changeAppointment(self(), pid(), id, 'confirm', '')).toEqual({ ok: true, id });
		expect(await row(id)).toMatchObject({ status: 'confirmed', awaiting: null });
		expect((await eventsOf([id])).map((e) => [e.action, e.actorRole])).toEqual([
			['created', 'caseworker'],
			['confirmed', 'participant']
		]);
		expect(await allowed(self(), id)).toEqual(['decline', 'ask_other_time']);
	});

	it('a change moves "updated", never "created"', async () => {
		const id = await made(caseworker());
		const before = await row(id);
		await new Promise((r) => setTimeout(r, 5));
		const later = new Date(before.createdAt.getTime() + 60_000);
		expect(await changeAppointment(self(), pid(), id, 'confirm', '', later)).toEqual({ ok: true, id });
		const after = await row(id);
		expect(after.createdAt).toEqual(before.createdAt);
		expect(after.updatedAt).toEqual(later);
	});

	it('the person declines with a message; staff see it waiting and mark it noted', async () => {
		const id = await made(caseworker());
		expect(await changeAppointment(self(), pid(), id, 'decline', 'An dem Tag habe ich Deutschkurs')).toEqual({
			ok: true,
			id
		});
		expect(await row(id)).toMatchObject({ status: 'declined', awaiting: 'staff' });
		const events = await eventsOf([id]);
		expect(events.at(-1)).toMatchObject({
			action: 'declined',
			message: 'An dem Tag habe ich Deutschkurs',
			actorName: expect.any(String),
			actorRole: 'participant'
		});
		expect(await allowed(caseworker(), id)).toEqual(['noted']);
		expect(await allowed(self(), id)).toEqual([]);

		expect(await changeAppointment(caseworker(), pid(), id, 'noted', '')).toEqual({ ok: true, id });
		expect(await row(id)).toMatchObject({ status: 'declined', awaiting: null });
		expect(await allowed(caseworker(), id)).toEqual([]);
		expect(await changeAppointment(caseworker(), pid(), id, 'noted', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
	});

	it('the person calls off a confirmed appointment ("I cannot come"); staff see it', async () => {
		const id = await made(caseworker(), { agreed: 'yes' });
		expect(await changeAppointment(self(), pid(), id, 'decline', 'Ich bin krank')).toEqual({ ok: true, id });
		expect(await row(id)).toMatchObject({ status: 'declined', awaiting: 'staff' });
	});

	it('asking for another time keeps the status and waits for staff', async () => {
		const requested = await made(caseworker());
		expect(await changeAppointment(self(), pid(), requested, 'ask_other_time', 'Lieber nachmittags')).toEqual({
			ok: true,
			id: requested
		});
		expect(await row(requested)).toMatchObject({ status: 'requested', awaiting: 'staff' });
		expect((await eventsOf([requested])).at(-1)).toMatchObject({
			action: 'change_requested',
			message: 'Lieber nachmittags'
		});
		// Staff cannot confirm the very time the person asked to change: they move it, cancel it, or keep it,
		// which hands the question back to the person.
		expect(await allowed(caseworker(), requested)).toEqual(['cancel', 'noted']);
		expect(await changeAppointment(caseworker(), pid(), requested, 'confirm', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect(await changeAppointment(caseworker(), pid(), requested, 'noted', '')).toEqual({ ok: true, id: requested });
		expect(await row(requested)).toMatchObject({ status: 'requested', awaiting: 'participant' });

		const confirmed = await made(caseworker(), { agreed: 'yes' });
		await changeAppointment(self(), pid(), confirmed, 'ask_other_time', 'Geht es eine Woche später?');
		expect(await row(confirmed)).toMatchObject({ status: 'confirmed', awaiting: 'staff' });
		expect(await allowed(caseworker(), confirmed)).toEqual(['cancel', 'noted']);
		expect(await changeAppointment(caseworker(), pid(), confirmed, 'noted', '')).toEqual({ ok: true, id: confirmed });
		expect(await row(confirmed)).toMatchObject({ status: 'confirmed', awaiting: null });
	});

	it('"done" only once it has started, and only by staff', async () => {
		const id = await made(caseworker(), { agreed: 'yes' });
		const { startsAt } = await row(id);
		const justBefore = new Date(startsAt.getTime() - MINUTE);
		const justAfter = new Date(startsAt.getTime() + MINUTE);
		expect(await allowed(caseworker(), id, justBefore)).not.toContain('done');
		expect(await changeAppointment(caseworker(), pid(), id, 'done', '', justBefore)).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect(await changeAppointment(self(), pid(), id, 'done', '', justAfter)).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect(await allowed(caseworker(), id, justAfter)).toContain('done');
		expect(await changeAppointment(caseworker(), pid(), id, 'done', '', justAfter)).toEqual({ ok: true, id });
		expect((await row(id)).status).toBe('done');
		expect(await changeAppointment(caseworker(), pid(), id, 'cancel', '', justAfter)).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
	});

	it('an appointment that is over can no longer be answered', async () => {
		const id = await made(caseworker());
		const { endsAt } = await row(id);
		const later = new Date(endsAt.getTime() + MINUTE);
		expect(await allowed(self(), id, later)).toEqual([]);
		expect(await changeAppointment(self(), pid(), id, 'confirm', '', later)).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
	});

	it('cancel: staff any live one; the person only what they added or booked themselves; never twice', async () => {
		const fromStaff = await made(caseworker(), { agreed: 'yes' });
		expect(await allowed(self(), fromStaff)).not.toContain('cancel');
		expect(await changeAppointment(self(), pid(), fromStaff, 'cancel', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect((await row(fromStaff)).status).toBe('confirmed');

		const own = await made(self());
		expect(await allowed(self(), own)).toContain('cancel');
		expect(await changeAppointment(self(), pid(), own, 'cancel', 'Termin verschoben worden')).toEqual({
			ok: true,
			id: own
		});
		expect(await row(own)).toMatchObject({ status: 'cancelled', awaiting: null });

		const other = await made(self());
		expect(await changeAppointment(caseworker(), pid(), other, 'cancel', '')).toEqual({ ok: true, id: other });
		expect(await changeAppointment(caseworker(), pid(), fromStaff, 'cancel', 'Krank')).toEqual({
			ok: true,
			id: fromStaff
		});
		expect(await changeAppointment(caseworker(), pid(), fromStaff, 'cancel', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect((await eventsOf([fromStaff])).map((e) => [e.action, e.message])).toEqual([
			['created', ''],
			['cancelled', 'Krank']
		]);
	});

	it('a stale answer (confirming what staff just cancelled) changes nothing', async () => {
		const id = await made(caseworker());
		const seen = await row(id);
		// The person's page offered "confirm" …
		expect(changesAllowed(seen, await accessOf(self()), self())).toContain('confirm');
		// … but staff cancelled in the meantime.
		await changeAppointment(caseworker(), pid(), id, 'cancel', '');
		const events = await eventCount();
		expect(await changeAppointment(self(), pid(), id, 'confirm', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect(await changeAppointment(self(), pid(), id, 'ask_other_time', '')).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect(await row(id)).toMatchObject({ status: 'cancelled', awaiting: null });
		expect(await eventCount()).toBe(events);
	});
});

function hours(overrides: Partial<OfficeHoursInput> = {}): OfficeHoursInput {
	return {
		date: '2027-03-10',
		start: '09:00',
		end: '11:00',
		length: 30,
		weeks: 0,
		mode: 'office',
		place: 'Raum 12',
		...overrides
	};
}

describe('office hours and booking', () => {
	// A Monday morning in March 2027, 08:00 in Germany; the change to summer time is on the 28th.
	const NOW = wall('2027-03-08', '08:00');
	const slotCount = async () => (await db.select({ n: count() }).from(officeHourSlots))[0].n;

	async function slotsAt(
		caseworkerId: string,
		date: string,
		start: string,
		end: string,
		length: OfficeHoursInput['length'] = 30,
		mode: OfficeHoursInput['mode'] = 'office'
	) {
		const result = await addOfficeHours(
			actorOf({ id: caseworkerId, role: 'caseworker', organisationId: world.county.id }),
			hours({ date, start, end, length, mode }),
			NOW
		);
		expect(result.ok).toBe(true);
		const all = await officeHoursOf(caseworkerId, NOW);
		return all.filter((s) => berlinParts(s.startsAt).date === date);
	}

	it('cuts 09:00–11:00 into four half-hour slots', async () => {
		expect(await addOfficeHours(caseworker(), hours(), NOW)).toEqual({ ok: true, created: 4, skipped: 0 });
		const slots = await officeHoursOf(world.caseworker.id, NOW);
		expect(
			slots.map((s) => [berlinParts(s.startsAt).time, berlinParts(s.endsAt).time, s.mode, s.place, s.heldBy])
		).toEqual([
			['09:00', '09:30', 'office', 'Raum 12', null],
			['09:30', '10:00', 'office', 'Raum 12', null],
			['10:00', '10:30', 'office', 'Raum 12', null],
			['10:30', '11:00', 'office', 'Raum 12', null]
		]);
		expect(slots.every((s) => berlinParts(s.startsAt).date === '2027-03-10')).toBe(true);
		// A remainder shorter than one slot is not a slot.
		expect(await addOfficeHours(caseworker(), hours({ date: '2027-03-11', end: '10:45', length: 45 }), NOW)).toEqual({
			ok: true,
			created: 2,
			skipped: 0
		});
	});

	it('repeats weekly on the German clock: 09:00 stays 09:00 across the change to summer time', async () => {
		expect(
			await addOfficeHours(
				caseworker(),
				hours({ date: '2027-03-22', start: '09:00', end: '10:00', length: 60, weeks: 2 }),
				NOW
			)
		).toEqual({ ok: true, created: 3, skipped: 0 });
		const slots = await officeHoursOf(world.caseworker.id, NOW);
		expect(slots.map((s) => berlinParts(s.startsAt))).toEqual([
			{ date: '2027-03-22', time: '09:00' },
			{ date: '2027-03-29', time: '09:00' },
			{ date: '2027-04-05', time: '09:00' }
		]);
		expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
			'2027-03-22T08:00:00.000Z',
			'2027-03-29T07:00:00.000Z',
			'2027-04-05T07:00:00.000Z'
		]);

		// The same hours again add nothing; wider hours add only the new times.
		expect(
			await addOfficeHours(
				caseworker(),
				hours({ date: '2027-03-22', start: '09:00', end: '10:00', length: 60, weeks: 2 }),
				NOW
			)
		).toEqual({ ok: true, created: 0, skipped: 3 });
		expect(
			await addOfficeHours(
				caseworker(),
				hours({ date: '2027-03-22', start: '09:00', end: '11:00', length: 60, weeks: 2 }),
				NOW
			)
		).toEqual({ ok: true, created: 3, skipped: 3 });
		expect(await officeHoursOf(world.caseworker.id, NOW)).toHaveLength(6);
	});

	it('refuses hours that do not exist on the clock, lie in the past or are in the wrong order, and stores nothing', async () => {
		expect((await addOfficeHours(caseworker(), hours({ date: '2027-03-09' }), NOW)).ok).toBe(true);
		const before = await slotCount();
		expect(before).toBeGreaterThanOrEqual(4);
		expect(
			await addOfficeHours(caseworker(), hours({ date: '2027-03-28', start: '02:30', end: '04:00' }), NOW)
		).toEqual({ ok: false, reason: 'appointments.time_nonexistent', field: 'start' });
		expect(
			await addOfficeHours(caseworker(), hours({ date: '2027-03-28', start: '01:00', end: '02:30' }), NOW)
		).toEqual({ ok: false, reason: 'appointments.time_nonexistent', field: 'end' });
		// Fine the first week, but the third repetition falls on the night of the change.
		expect(
			await addOfficeHours(caseworker(), hours({ date: '2027-03-14', start: '02:00', end: '03:30', weeks: 3 }), NOW)
		).toEqual({ ok: false, reason: 'appointments.time_nonexistent', field: 'weeks' });
		expect(await addOfficeHours(caseworker(), hours({ date: '2027-03-01' }), NOW)).toEqual({
			ok: false,
			reason: 'appointments.in_the_past',
			field: 'date'
		});
		expect(await addOfficeHours(caseworker(), hours({ start: '11:00', end: '09:00' }), NOW)).toEqual({
			ok: false,
			reason: 'appointments.end_before_start',
			field: 'end'
		});
		expect(await addOfficeHours(caseworker(), hours({ start: '09:00', end: '09:20' }), NOW)).toEqual({
			ok: false,
			reason: 'appointments.shorter_than_slot',
			field: 'end'
		});
		expect(await addOfficeHours(caseworker(), hours({ date: '2062-03-10' }), NOW)).toEqual({
			ok: false,
			reason: 'appointments.date_out_of_range',
			field: 'date'
		});
		expect(await slotCount()).toBe(before);
	});

	it('only caseworkers have office hours', async () => {
		for (const actor of [self(), actorOf(world.lead), actorOf(world.admin), actorOf(world.volunteer)]) {
			await expect(addOfficeHours(actor, hours(), NOW)).rejects.toMatchObject({ status: 404 });
		}
	});

	it('the person sees only their current caseworker’s free slots, from two hours ahead and within eight weeks', async () => {
		const today = await slotsAt(world.caseworker.id, '2027-03-08', '09:00', '12:00');
		await slotsAt(world.otherCaseworker.id, '2027-03-09', '09:00', '10:00');
		await slotsAt(world.caseworker.id, '2027-05-10', '09:00', '09:30');
		const times = async (now = NOW) =>
			(await freeSlotsFor(fixtureAccess(pid()), now)).slots.map(
				(s) => `${berlinParts(s.startsAt).date} ${berlinParts(s.startsAt).time}`
			);

		// 09:00, 09:30 and 10:00 are less than (or exactly) two hours away; 10 May is beyond eight weeks.
		expect(new Date(NOW.getTime() + BOOKING_LEAD_MS)).toEqual(today[2].startsAt);
		expect(await times()).toEqual(['2027-03-08 10:30', '2027-03-08 11:00', '2027-03-08 11:30']);
		expect((await freeSlotsFor(fixtureAccess(pid()), NOW)).caseworker?.id).toBe(world.caseworker.id);

		expect(await removeSlot(caseworker(), today[4].id, NOW)).toEqual({ ok: true });
		expect(await bookSlot(self(), pid(), today[5].id, 'office_consultation', '', NOW)).toMatchObject({ ok: true });
		expect(await times()).toEqual(['2027-03-08 10:30']);

		// After a change of caseworker the person sees the new caseworker's hours.
		expect(
			await assignCaseworker(actorOf(world.lead), pid(), world.otherCaseworker.id, {
				seenCaseworkerId: world.caseworker.id,
				note: 'Übergabe'
			})
		).toEqual({ ok: true });
		expect(await times()).toEqual(['2027-03-09 09:00', '2027-03-09 09:30']);
		expect(await bookSlot(self(), pid(), today[3].id, 'office_consultation', '', NOW)).toEqual({
			ok: false,
			reason: 'appointments.slot_gone'
		});

		const unassigned = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			withAccount: true
		});
		expect(await freeSlotsFor(fixtureAccess(unassigned.id), NOW)).toEqual({ caseworker: null, slots: [] });
	});

	it('booking a slot asks the caseworker, with the person’s message', async () => {
		const [slot] = await slotsAt(world.caseworker.id, '2027-03-10', '09:00', '09:30');
		const result = await bookSlot(self(), pid(), slot.id, 'office_consultation', 'Es geht um den Mietvertrag', NOW);
		if (!result.ok) throw new Error(result.reason);
		expect(await row(result.id)).toMatchObject({
			status: 'requested',
			awaiting: 'staff',
			kind: 'office_consultation',
			staffId: world.caseworker.id,
			slotId: slot.id,
			place: 'Raum 12',
			startsAt: slot.startsAt,
			endsAt: slot.endsAt,
			createdBy: world.participant.userId
		});
		expect(await eventsOf([result.id])).toMatchObject([
			{ action: 'requested', message: 'Es geht um den Mietvertrag', actorRole: 'participant' }
		]);
		expect((await officeHoursOf(world.caseworker.id, NOW))[0].heldBy).toEqual({
			id: pid(),
			name: `${world.participant.givenName} ${world.participant.familyName}`
		});
		expect(await allowed(caseworker(), result.id, NOW)).toEqual(['confirm', 'decline', 'cancel']);
		// Their own booking request: cancelled and booked anew rather than "another time, please".
		expect(await allowed(self(), result.id, NOW)).toEqual(['cancel']);
		expect(await changeAppointment(caseworker(), pid(), result.id, 'confirm', '', NOW)).toEqual({
			ok: true,
			id: result.id
		});
		expect(await row(result.id)).toMatchObject({ status: 'confirmed', awaiting: null });
	});

	it('a phone slot becomes a phone call without a place', async () => {
		const [slot] = await slotsAt(world.caseworker.id, '2027-03-10', '14:00', '14:20', 20, 'phone');
		const result = await bookSlot(self(), pid(), slot.id, 'office_consultation', '', NOW);
		if (!result.ok) throw new Error(result.reason);
		expect(await row(result.id)).toMatchObject({ kind: 'phone_call', place: '' });
	});

	it('a slot is held by one person: the second booking is refused, a free slot elsewhere is not bookable', async () => {
		const sameCaseworker = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			withAccount: true
		});
		const second = actorOf(
			{ id: sameCaseworker.userId!, role: 'participant', organisationId: null },
			sameCaseworker.id
		);
		const [slot, next] = await slotsAt(world.caseworker.id, '2027-03-10', '09:00', '10:00');
		const [foreign] = await slotsAt(world.otherCaseworker.id, '2027-03-10', '09:00', '09:30');
		const [soon] = await slotsAt(world.caseworker.id, '2027-03-08', '09:30', '10:00');

		expect((await bookSlot(self(), pid(), slot.id, 'office_consultation', '', NOW)).ok).toBe(true);
		const before = await appointmentCount();
		expect(await bookSlot(second, sameCaseworker.id, slot.id, 'office_consultation', '', NOW)).toEqual({
			ok: false,
			reason: 'appointments.slot_taken'
		});
		expect(await bookSlot(self(), pid(), slot.id, 'phone_call', '', NOW)).toEqual({
			ok: false,
			reason: 'appointments.slot_taken'
		});
		expect(await bookSlot(self(), pid(), foreign.id, 'office_consultation', '', NOW)).toEqual({
			ok: false,
			reason: 'appointments.slot_gone'
		});
		expect(await bookSlot(self(), pid(), soon.id, 'office_consultation', '', NOW)).toEqual({
			ok: false,
			reason: 'appointments.slot_gone'
		});
		expect(await bookSlot(self(), pid(), 'no-such-slot', 'office_consultation', '', NOW)).toEqual({
			ok: false,
			reason: 'appointments.slot_gone'
		});
		expect(await removeSlot(caseworker(), next.id, NOW)).toEqual({ ok: true });
		expect(await bookSlot(second, sameCaseworker.id, next.id, 'office_consultation', '', NOW)).toEqual({
			ok: false,
			reason: 'appointments.slot_gone'
		});
		expect(await appointmentCount()).toBe(before);
		// Staff cannot book office hours in the person's name.
		await expect(bookSlot(caseworker(), pid(), slot.id, 'office_consultation', '', NOW)).rejects.toMatchObject({
			status: 404
		});
	});

	it('two people tapping the same slot at the same moment: exactly one gets it', async () => {
		const sameCaseworker = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			withAccount: true
		});
		const second = actorOf(
			{ id: sameCaseworker.userId!, role: 'participant', organisationId: null },
			sameCaseworker.id
		);
		const [slot] = await slotsAt(world.caseworker.id, '2027-03-10', '09:00', '09:30');
		const results = await Promise.all([
			bookSlot(self(), pid(), slot.id, 'office_consultation', '', NOW),
			bookSlot(second, sameCaseworker.id, slot.id, 'office_consultation', '', NOW)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'appointments.slot_taken' }]);
		expect(await db.select().from(appointments).where(eq(appointments.slotId, slot.id))).toHaveLength(1);
	});

	it('a declined or cancelled booking gives the slot back', async () => {
		const sameCaseworker = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			withAccount: true
		});
		const second = actorOf(
			{ id: sameCaseworker.userId!, role: 'participant', organisationId: null },
			sameCaseworker.id
		);
		const [slot] = await slotsAt(world.caseworker.id, '2027-03-10', '09:00', '09:30');
		const isFree = async () => (await freeSlotsFor(fixtureAccess(pid()), NOW)).slots.some((s) => s.id === slot.id);

		const first = await bookSlot(self(), pid(), slot.id, 'office_consultation', '', NOW);
		if (!first.ok) throw new Error(first.reason);
		expect(await isFree()).toBe(false);
		expect(await changeAppointment(caseworker(), pid(), first.id, 'decline', 'Da bin ich im Urlaub', NOW)).toEqual({
			ok: true,
			id: first.id
		});
		expect(await row(first.id)).toMatchObject({ status: 'declined', awaiting: null });
		expect(await isFree()).toBe(true);

		const again = await bookSlot(second, sameCaseworker.id, slot.id, 'office_consultation', '', NOW);
		if (!again.ok) throw new Error(again.reason);
		expect(await isFree()).toBe(false);
		expect(await changeAppointment(second, sameCaseworker.id, again.id, 'cancel', 'Doch nicht nötig', NOW)).toEqual({
			ok: true,
			id: again.id
		});
		expect(await isFree()).toBe(true);
		expect((await bookSlot(self(), pid(), slot.id, 'office_consultation', '', NOW)).ok).toBe(true);
	});

	it('a booked slot cannot be removed; only its own caseworker removes a slot', async () => {
		const [slot, free] = await slotsAt(world.caseworker.id, '2027-03-10', '09:00', '10:00');
		await bookSlot(self(), pid(), slot.id, 'office_consultation', '', NOW);
		expect(await removeSlot(caseworker(), slot.id, NOW)).toEqual({ ok: false, reason: 'appointments.slot_booked' });
		await expect(removeSlot(actorOf(world.otherCaseworker), free.id, NOW)).rejects.toMatchObject({ status: 404 });
		expect(await removeSlot(caseworker(), free.id, NOW)).toEqual({ ok: true });
		await expect(removeSlot(caseworker(), free.id, NOW)).rejects.toMatchObject({ status: 404 });
		expect((await officeHoursOf(world.caseworker.id, NOW)).map((s) => s.id)).toEqual([slot.id]);
		const [removed] = await db.select().from(officeHourSlots).where(eq(officeHourSlots.id, free.id));
		expect(removed.removedAt).toEqual(NOW);
	});
});

describe('moving an appointment', () => {
	it('the old one becomes "rescheduled", a new one waits for the person, and the office-hour slot is free again', async () => {
		const now = new Date();
		const date = day(5, now);
		expect(
			(await addOfficeHours(caseworker(), hours({ date, start: '09:00', end: '10:00', length: 30 }), now)).ok
		).toBe(true);
		const [slot] = (await freeSlotsFor(fixtureAccess(pid()), now)).slots;
		const booked = await bookSlot(self(), pid(), slot.id, 'office_consultation', 'Wegen Kindergeld', now);
		if (!booked.ok) throw new Error(booked.reason);
		await changeAppointment(caseworker(), pid(), booked.id, 'confirm', '', now);
		expect((await freeSlotsFor(fixtureAccess(pid()), now)).slots.map((s) => s.id)).not.toContain(slot.id);

		expect(
			await rescheduleAppointment(
				self(),
				pid(),
				booked.id,
				{ date: day(6, now), start: '14:00', end: '14:30' },
				'',
				now
			)
		).toEqual({ ok: false, reason: 'appointments.not_now' });
		const moved = await rescheduleAppointment(
			caseworker(),
			pid(),
			booked.id,
			{ date: day(6, now), start: '14:00', end: '14:30' },
			'Ich bin am Vormittag im Termin',
			now
		);
		if (!moved.ok) throw new Error(moved.reason);

		expect(await row(booked.id)).toMatchObject({ status: 'rescheduled', awaiting: null, slotId: slot.id });
		expect(await row(moved.id)).toMatchObject({
			status: 'requested',
			awaiting: 'participant',
			replacesId: booked.id,
			slotId: null,
			kind: 'office_consultation',
			place: 'Raum 12',
			staffId: world.caseworker.id,
			createdBy: world.caseworker.id
		});
		expect(berlinParts((await row(moved.id)).startsAt)).toEqual({ date: day(6, now), time: '14:00' });
		expect((await eventsOf([booked.id])).map((e) => [e.action, e.message])).toEqual([
			['requested', 'Wegen Kindergeld'],
			['confirmed', ''],
			['rescheduled', 'Ich bin am Vormittag im Termin']
		]);
		expect((await freeSlotsFor(fixtureAccess(pid()), now)).slots.map((s) => s.id)).toContain(slot.id);
		expect((await auditRows('appointment.changed', world.caseworker.id)).map((r) => r.detail)).toContainEqual({
			appointmentId: booked.id,
			action: 'rescheduled'
		});

		// The moved one cannot be moved or answered again; the new one is answered as usual.
		expect(
			await rescheduleAppointment(
				caseworker(),
				pid(),
				booked.id,
				{ date: day(7, now), start: '10:00', end: '10:30' },
				'',
				now
			)
		).toEqual({ ok: false, reason: 'appointments.not_now' });
		expect(await allowed(self(), booked.id, now)).toEqual([]);
		expect(await changeAppointment(self(), pid(), moved.id, 'confirm', '', now)).toEqual({ ok: true, id: moved.id });
	});

	it('not into the past, not to impossible times, not once it is over', async () => {
		const id = await made(caseworker(), { agreed: 'yes' });
		const before = await appointmentCount();
		expect(
			await rescheduleAppointment(caseworker(), pid(), id, { date: day(-1), start: '10:00', end: '11:00' }, '')
		).toEqual({ ok: false, reason: 'appointments.in_the_past', field: 'date' });
		expect(
			await rescheduleAppointment(caseworker(), pid(), id, { date: day(4), start: '11:00', end: '10:00' }, '')
		).toEqual({ ok: false, reason: 'appointments.end_before_start', field: 'end' });
		await changeAppointment(caseworker(), pid(), id, 'cancel', '');
		expect(
			await rescheduleAppointment(caseworker(), pid(), id, { date: day(4), start: '10:00', end: '11:00' }, '')
		).toEqual({ ok: false, reason: 'appointments.not_now' });
		expect(await appointmentCount()).toBe(before);
	});

	it('for a person without an account the new time stands at once', async () => {
		const offline = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id
		});
		const id = await made(caseworker(), {}, offline.id);
		const moved = await rescheduleAppointment(
			caseworker(),
			offline.id,
			id,
			{ date: day(8), start: '10:00', end: '11:00' },
			''
		);
		if (!moved.ok) throw new Error(moved.reason);
		expect(await row(moved.id)).toMatchObject({ status: 'confirmed', awaiting: null, replacesId: id });
	});
});

describe('changing the details without moving the appointment', () => {
	const details = {
		title: '',
		place: 'Rathaus, Zimmer 3',
		address: 'Marktplatz 1',
		directions: 'Bus 5',
		bring: ['passport' as const],
		bringNote: '',
		note: 'Bitte pünktlich',
		companionId: ''
	};

	it('staff change where and what to bring; the history says so and the time stays', async () => {
		const id = await made(caseworker());
		const before = await row(id);
		expect(await updateAppointmentDetails(caseworker(), pid(), id, details)).toEqual({ ok: true, id });
		expect(await row(id)).toMatchObject({
			place: 'Rathaus, Zimmer 3',
			bring: ['passport'],
			note: 'Bitte pünktlich',
			startsAt: before.startsAt,
			status: before.status
		});
		expect((await eventsOf([id])).at(-1)).toMatchObject({ action: 'updated' });
		expect(await auditRows('appointment.changed', world.caseworker.id)).not.toHaveLength(0);
	});

	it('the person changes what they added themselves, not what staff made; nothing is written when refused', async () => {
		const own = await made(self(), { kind: 'doctor' });
		expect(await updateAppointmentDetails(self(), pid(), own, details)).toEqual({ ok: true, id: own });
		const staffs = await made(caseworker());
		const events = await eventCount();
		expect(await updateAppointmentDetails(self(), pid(), staffs, details)).toEqual({
			ok: false,
			reason: 'appointments.not_now'
		});
		expect(await row(staffs)).toMatchObject({ place: '' });
		expect(await eventCount()).toBe(events);
	});

	it('a volunteer can name only themselves as going along', async () => {
		const { actor: volunteer } = await volunteerWith(['appointments.edit']);
		const { actor: other } = await volunteerWith(['appointments.read']);
		expect(await createAppointment(volunteer, pid(), input({ companionId: other.id }))).toEqual({
			ok: false,
			reason: 'form.pick_option',
			field: 'companionId'
		});
		const id = await made(volunteer, { kind: 'doctor' });
		expect(await updateAppointmentDetails(volunteer, pid(), id, { ...details, companionId: other.id })).toEqual({
			ok: false,
			reason: 'form.pick_option',
			field: 'companionId'
		});
		expect(await updateAppointmentDetails(volunteer, pid(), id, { ...details, companionId: volunteer.id })).toEqual({
			ok: true,
			id
		});
		expect(await row(id)).toMatchObject({ companionId: volunteer.id });
	});

	it('another participant or an unassigned caseworker gets 404', async () => {
		const id = await made(caseworker());
		await expect(updateAppointmentDetails(neighbourSelf(), pid(), id, details)).rejects.toMatchObject({ status: 404 });
		await expect(
			updateAppointmentDetails(
				actorOf(await makeUser('caseworker', world.caseworker.organisationId)),
				pid(),
				id,
				details
			)
		).rejects.toMatchObject({ status: 404 });
	});
});
