import { count, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { appointments } from '../db/schema';
import { actorOf, appointmentInput, fixtureAccess, makeWorld } from '../testing/factories';
import { createAppointment } from '.';
import { clashesWith } from './clashes';
import { addOfficeHours, bookSlot, officeHoursOf } from './slots';
import { berlinParts, berlinWallTime } from './time';

let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const neighbourSelf = () =>
	actorOf({ id: world.neighbour.userId!, role: 'participant', organisationId: null }, world.neighbour.id);

// A Monday morning in March 2027, 08:00 in Germany.
const at = (date: string, time: string) => {
	const result = berlinWallTime(date, time);
	if (!result.ok) throw new Error(result.reason);
	return result.at;
};
const NOW = at('2027-03-08', '08:00');
const DAY = '2027-03-10';

beforeEach(async () => {
	world = await makeWorld();
});

async function slotsOfTheDay() {
	const added = await addOfficeHours(
		actorOf(world.caseworker),
		{ date: DAY, start: '09:00', end: '11:00', length: 30, weeks: 0, mode: 'office', place: 'Raum 12' },
		NOW
	);
	expect(added).toMatchObject({ ok: true, created: 4 });
	return await officeHoursOf(world.caseworker.id, NOW);
}

async function ownAppointment(actor = self(), participantId = pid()) {
	const made = await createAppointment(
		actor,
		participantId,
		appointmentInput(DAY, { title: 'Kinderarzt', start: '10:00', end: '11:00' })
	);
	if (!made.ok) throw new Error(made.reason);
	return made.id;
}

const appointmentCount = async () =>
	(await db.select({ n: count() }).from(appointments).where(eq(appointments.participantId, pid())))[0].n;

describe('a slot at the time of another appointment of the person', () => {
	it('is marked: only slots that overlap her live appointments, not touching ones or other people’s', async () => {
		const slots = await slotsOfTheDay();
		const doctor = await ownAppointment();
		await ownAppointment(neighbourSelf(), world.neighbour.id);
		const clashes = await clashesWith(fixtureAccess(pid()), slots);
		expect(slots.filter((s) => clashes.has(s.id)).map((s) => berlinParts(s.startsAt).time)).toEqual(['10:00', '10:30']);
		expect(clashes.get(slots[2].id)).toMatchObject({ id: doctor, title: 'Kinderarzt' });
	});

	it('is booked only after a second, explicit yes; the first try writes nothing', async () => {
		const slots = await slotsOfTheDay();
		await ownAppointment();
		const before = await appointmentCount();

		const first = await bookSlot(self(), pid(), slots[2].id, 'office_consultation', '', NOW);
		expect(first).toMatchObject({ ok: false, reason: 'appointments.slot_clash', clash: { title: 'Kinderarzt' } });
		expect(await appointmentCount()).toBe(before);

		expect(await bookSlot(self(), pid(), slots[2].id, 'office_consultation', '', NOW, 'accepted')).toMatchObject({
			ok: true
		});
		expect(await appointmentCount()).toBe(before + 1);
		// A free time still books with one tap.
		expect(await bookSlot(self(), pid(), slots[0].id, 'office_consultation', '', NOW)).toMatchObject({ ok: true });
	});
});
