import { beforeAll, describe, expect, it } from 'vitest';
import { openAppointments, createAppointment } from '.';
import { actorOf, appointmentInput, makeWorld } from '../testing/factories';
import type { AppointmentAccess } from '../policy';
import { pastAppointmentsPage, upcomingAppointmentsOf } from './lists';
import { addOfficeHours, officeHoursOf, officeHoursPage } from './slots';
import { berlinParts } from './time';
import { appointmentViews } from './view';

const DAY = 86_400_000;
let world: Awaited<ReturnType<typeof makeWorld>>;
let access: AppointmentAccess;
const pastIds: string[] = [];
const upcomingIds: string[] = [];

beforeAll(async () => {
	world = await makeWorld();
	const caseworker = actorOf(world.caseworker);
	// At noon UTC: from late evening a day's step would cross midnight in Berlin on one side of a clock change
	// and not on the other, giving two appointments one date.
	const longAgo = new Date(Math.floor((Date.now() - 400 * DAY) / DAY) * DAY + DAY / 2);
	// 125 appointments made a year ago for the days after: all over by now, one a day.
	for (let i = 1; i <= 125; i++) {
		const date = berlinParts(new Date(longAgo.getTime() + i * DAY)).date;
		const made = await createAppointment(caseworker, world.participant.id, appointmentInput(date), longAgo);
		if (!made.ok) throw new Error(made.reason);
		pastIds.unshift(made.id);
	}
	for (let i = 1; i <= 3; i++) {
		const date = berlinParts(new Date(Date.now() + i * DAY)).date;
		const made = await createAppointment(caseworker, world.participant.id, appointmentInput(date));
		if (!made.ok) throw new Error(made.reason);
		upcomingIds.push(made.id);
	}
	// Another person's appointments never show.
	const other = actorOf(world.otherCaseworker);
	await createAppointment(
		other,
		world.neighbour.id,
		appointmentInput(berlinParts(new Date(longAgo.getTime() + DAY)).date),
		longAgo
	);
	access = await openAppointments(caseworker, world.participant.id);
});

describe("a participant's appointments", () => {
	it('lists what is to come whole, soonest first', async () => {
		expect((await upcomingAppointmentsOf(access)).map((a) => a.id)).toEqual(upcomingIds);
	});

	it('pages through the past 50 at a time, latest first, and back, without duplicates or gaps', async () => {
		const pages = [await pastAppointmentsPage(access, null)];
		while (pages.at(-1)!.next !== null) pages.push(await pastAppointmentsPage(access, pages.at(-1)!.next));
		expect(pages.map((p) => [p.rows.length, p.from, p.to, p.total])).toEqual([
			[50, 1, 50, 125],
			[50, 51, 100, 125],
			[25, 101, 125, 125]
		]);
		expect(pages.flatMap((p) => p.rows.map((a) => a.id))).toEqual(pastIds);
		const back = [pages.at(-1)!];
		while (back[0].previous !== null) back.unshift(await pastAppointmentsPage(access, back[0].previous));
		expect(back.map((p) => p.rows.map((a) => a.id))).toEqual(pages.map((p) => p.rows.map((a) => a.id)));
	});

	it('shows where a moved appointment came from even when that one is on another page', async () => {
		const [first] = (await pastAppointmentsPage(access, null)).rows;
		const moved = { ...first, id: 'moved-view', replacesId: pastIds[pastIds.length - 1] };
		const [view] = await appointmentViews([moved], access, actorOf(world.caseworker), 'de');
		expect(view.replaces).not.toBeNull();
	});
});

describe("a caseworker's office hours", () => {
	it('page by key, soonest first: 120+ slots 50 at a time, forward and back, only their own', async () => {
		const now = new Date(Date.now() + 500 * DAY);
		const from = berlinParts(new Date(now.getTime() + 2 * DAY)).date;
		const keeper = actorOf(world.otherCaseworker);
		// Twelve weekly mornings of eleven 20-minute slots: 132 slots.
		const hours = { date: from, start: '08:00', end: '11:40', length: 20 as const, weeks: 11, mode: 'office' as const };
		const added = await addOfficeHours(keeper, { ...hours, place: 'Raum 3' }, now);
		expect(added).toMatchObject({ ok: true, created: 132 });
		await addOfficeHours(actorOf(world.caseworker), { ...hours, weeks: 0, place: 'Raum 4' }, now);

		const pages = [await officeHoursPage(keeper.id, now, null)];
		while (pages.at(-1)!.next !== null) pages.push(await officeHoursPage(keeper.id, now, pages.at(-1)!.next));
		expect(pages.map((p) => [p.rows.length, p.from, p.to, p.total])).toEqual([
			[50, 1, 50, 132],
			[50, 51, 100, 132],
			[32, 101, 132, 132]
		]);
		const slots = pages.flatMap((p) => p.rows);
		expect(slots.map((s) => s.id)).toEqual((await officeHoursOf(keeper.id, now)).map((s) => s.id));
		expect(slots.every((s) => s.caseworkerId === keeper.id)).toBe(true);
		const back = [pages.at(-1)!];
		while (back[0].previous !== null) back.unshift(await officeHoursPage(keeper.id, now, back[0].previous));
		expect(back.map((p) => p.rows.map((s) => s.id))).toEqual(pages.map((p) => p.rows.map((s) => s.id)));
	});
});
