import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { appointmentEvents, appointments, auditLog } from '../db/schema';
import { actorOf, appointmentInput, makeWorld } from '../testing/factories';
import { changeAppointment, createAppointment, rescheduleAppointment, updateAppointmentDetails } from '.';
import { berlinParts } from './time';

const DAY = 24 * 60 * 60 * 1000;
const CHANGED = { ok: false, reason: 'form.changed_meanwhile' };

let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const caseworker = () => actorOf(world.caseworker);
const day = (days: number) => berlinParts(new Date(Date.now() + days * DAY)).date;

beforeEach(async () => {
	world = await makeWorld();
});

/** A proposal by the caseworker, waiting for the participant's answer. */
async function proposal(): Promise<string> {
	const made = await createAppointment(caseworker(), pid(), appointmentInput(day(3)));
	if (!made.ok) throw new Error(made.reason);
	return made.id;
}

async function history(id: string) {
	const rows = await db
		.select({ action: appointmentEvents.action })
		.from(appointmentEvents)
		.where(eq(appointmentEvents.appointmentId, id))
		.orderBy(asc(appointmentEvents.id));
	return rows.map((r) => r.action);
}

async function current(id: string) {
	const [row] = await db.select().from(appointments).where(eq(appointments.id, id));
	return row;
}

const changeAudits = async () =>
	(
		await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'appointment.changed'), eq(auditLog.participantId, pid())))
	).length;

describe('appointment changes sent at the same moment: exactly one wins', () => {
	it('confirm and cancel at once: one is written, the other changes nothing and says so', async () => {
		const id = await proposal();
		const audits = await changeAudits();
		// Both pages showed the proposal as it was made.
		const shown = { status: 'requested', version: 1 };
		const [confirmed, cancelled] = await Promise.all([
			changeAppointment(self(), pid(), id, 'confirm', '', new Date(), shown),
			changeAppointment(caseworker(), pid(), id, 'cancel', 'Fällt aus', new Date(), shown)
		]);
		const results = [confirmed, cancelled];
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([CHANGED]);
		const winner = confirmed.ok ? 'confirmed' : 'cancelled';
		expect(await history(id)).toEqual(['created', winner]);
		expect((await current(id)).status).toBe(winner);
		expect((await current(id)).version).toBe(2);
		// The caseworker's cancel is audited only if it was written.
		expect(await changeAudits()).toBe(audits + (winner === 'cancelled' ? 1 : 0));
	});

	it('two moves at once leave one live replacement, and the old one is "rescheduled" once', async () => {
		const id = await proposal();
		const when = (start: string) => ({ date: day(5), start, end: '12:00' });
		const results = await Promise.all([
			rescheduleAppointment(caseworker(), pid(), id, when('10:00'), ''),
			rescheduleAppointment(caseworker(), pid(), id, when('11:00'), '')
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([CHANGED]);
		const replacements = await db.select().from(appointments).where(eq(appointments.replacesId, id));
		expect(replacements).toHaveLength(1);
		expect(await history(id)).toEqual(['created', 'rescheduled']);
		expect(await history(replacements[0].id)).toEqual(['created']);
	});

	it('mark done and cancel at once: one of them', async () => {
		const id = await proposal();
		const later = new Date(Date.now() + 4 * DAY);
		const results = await Promise.all([
			changeAppointment(caseworker(), pid(), id, 'done', '', later),
			changeAppointment(caseworker(), pid(), id, 'cancel', '', later)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect((await history(id)).length).toBe(2);
	});

	it('two detail changes at once: the second does not overwrite the first unseen', async () => {
		const id = await proposal();
		const details = (place: string) => ({
			title: '',
			place,
			address: '',
			directions: '',
			bring: [],
			bringNote: '',
			note: '',
			companionId: ''
		});
		const results = await Promise.all([
			updateAppointmentDetails(caseworker(), pid(), id, details('Rathaus')),
			updateAppointmentDetails(caseworker(), pid(), id, details('Landratsamt'))
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([CHANGED]);
		expect(await history(id)).toEqual(['created', 'updated']);
		expect((await current(id)).place).toBe(results[0].ok ? 'Rathaus' : 'Landratsamt');
	});
});

describe('a form answers the appointment as it was shown', () => {
	it('an answer from a page loaded before a change is refused and writes nothing', async () => {
		const id = await proposal();
		const shown = { status: 'requested', version: 1 };
		expect(await changeAppointment(self(), pid(), id, 'ask_other_time', 'Lieber nachmittags')).toMatchObject({
			ok: true
		});
		// Still allowed by the rules ("requested"), but not what the caseworker saw: the time wish came in meanwhile.
		expect(await changeAppointment(caseworker(), pid(), id, 'noted', '', new Date(), shown)).toEqual(CHANGED);
		expect(await changeAppointment(self(), pid(), id, 'confirm', '', new Date(), shown)).toEqual(CHANGED);
		expect(await history(id)).toEqual(['created', 'change_requested']);
		const now = { status: 'requested', version: 2 };
		expect(await changeAppointment(caseworker(), pid(), id, 'noted', '', new Date(), now)).toEqual({ ok: true, id });
	});

	it('a move or a detail change from an outdated page is refused as well', async () => {
		const id = await proposal();
		await changeAppointment(self(), pid(), id, 'confirm', '');
		const stale = { status: 'requested', version: 1 };
		const move = { date: day(6), start: '09:00', end: '10:00' };
		expect(await rescheduleAppointment(caseworker(), pid(), id, move, '', new Date(), stale)).toEqual(CHANGED);
		const details = {
			title: '',
			place: 'Rathaus',
			address: '',
			directions: '',
			bring: [],
			bringNote: '',
			note: '',
			companionId: ''
		};
		expect(await updateAppointmentDetails(caseworker(), pid(), id, details, new Date(), stale)).toEqual(CHANGED);
		expect(await history(id)).toEqual(['created', 'confirmed']);
	});
});
