import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Locale } from '$lib/i18n/locales';
import arMessages from '$lib/i18n/messages/ar.json';
import { db } from '../db';
import { auditLog, users } from '../db/schema';
import { translatorFor } from '../i18n';
import { actorOf, appointmentInput, makeWorld, fixtureAccess } from '../testing/factories';
import { appointmentsOf, changeAppointment, createAppointment } from '.';
import { currentFeed, feedCalendar, newFeed, stopFeed } from './feed';
import { appointmentsCalendar } from './ics';
import type { AppointmentInput } from './schema';
import { berlinParts } from './time';

const DAY = 24 * 60 * 60 * 1000;
/** "Now" for the fixed 2027 dates below, so the tests do not expire with the calendar. */
const NOW = new Date('2026-12-01T12:00:00Z');

// A server whose own clock is set to another zone must still write German times: nothing may lean on it.
let serverZone: string | undefined;
beforeAll(() => {
	serverZone = process.env.TZ;
	process.env.TZ = 'America/New_York';
});
afterAll(() => {
	if (serverZone === undefined) delete process.env.TZ;
	else process.env.TZ = serverZone;
});

let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const caseworker = () => actorOf(world.caseworker);

beforeEach(async () => {
	world = await makeWorld();
});
afterEach(() => {
	// Each parse registers the zone from the file itself; never let one test lean on another's.
	if (ICAL.TimezoneService.has('Europe/Berlin')) ICAL.TimezoneService.remove('Europe/Berlin');
});

async function make(
	overrides: Partial<AppointmentInput>,
	actor = caseworker(),
	participantId = pid(),
	now = NOW
): Promise<string> {
	const result = await createAppointment(actor, participantId, appointmentInput('2027-01-20', overrides), now);
	if (!result.ok) throw new Error(result.reason);
	return result.id;
}

/** Reads an .ics file with ical.js, using only the VTIMEZONE the file brings along. */
function parse(ics: string) {
	expect(ICAL.TimezoneService.has('Europe/Berlin')).toBe(false);
	const calendar = new ICAL.Component(ICAL.parse(ics));
	const zones = calendar.getAllSubcomponents('vtimezone');
	expect(zones.map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
	ICAL.TimezoneService.register(zones[0]);
	const events = new Map(
		calendar.getAllSubcomponents('vevent').map((component) => {
			const event = new ICAL.Event(component);
			return [event.uid, { component, event }] as const;
		})
	);
	return { calendar, zone: zones[0], events };
}

describe('appointments as an .ics file, read back by an independent parser', () => {
	it('winter and summer times carry TZID=Europe/Berlin with the zone’s rules and mean exactly the stored instants', async () => {
		const winter = await make({
			kind: 'doctor',
			date: '2027-01-20',
			start: '10:00',
			end: '11:00',
			place: 'Praxis Dr. Weber',
			address: 'Hauptstr. 1, 36037 Fulda',
			directions: 'Bus 5 bis Stadtschloss',
			bring: ['passport', 'health_card'],
			bringNote: 'Überweisung',
			note: 'Nüchtern kommen'
		});
		const summer = await make({
			kind: 'jobcenter',
			title: 'Termin bei Frau Yılmaz',
			date: '2027-07-20',
			start: '10:00',
			end: '11:30',
			agreed: 'yes'
		});
		const rows = await appointmentsOf(fixtureAccess(pid()));
		const ics = appointmentsCalendar(rows, 'ar', 'مواعيدي');
		const { calendar, zone, events } = parse(ics);

		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('مواعيدي');
		expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Berlin');
		// The zone's rules are in the file: standard time +01:00, summer time +02:00.
		const offsets = (name: string) =>
			zone.getAllSubcomponents(name).map((c) => c.getFirstPropertyValue('tzoffsetto')?.toString());
		expect([offsets('standard'), offsets('daylight')]).toEqual([['+01:00'], ['+02:00']]);

		expect([...events.keys()].sort()).toEqual([`${summer}@tandem`, `${winter}@tandem`].sort());
		for (const [id, wall, offsetHours] of [
			[winter, { start: '2027-01-20T09:00:00.000Z', end: '2027-01-20T10:00:00.000Z' }, 1],
			[summer, { start: '2027-07-20T08:00:00.000Z', end: '2027-07-20T09:30:00.000Z' }, 2]
		] as const) {
			const stored = rows.find((r) => r.id === id)!;
			const { component, event } = events.get(`${id}@tandem`)!;
			expect(component.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin');
			expect(component.getFirstProperty('dtend')!.getParameter('tzid')).toBe('Europe/Berlin');
			expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
			expect([event.startDate.hour, event.startDate.minute, event.startDate.utcOffset() / 3600]).toEqual([
				10,
				0,
				offsetHours
			]);
			expect(event.startDate.toJSDate().getTime()).toBe(stored.startsAt.getTime());
			expect(event.endDate.toJSDate().getTime()).toBe(stored.endsAt.getTime());
			expect([event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()]).toEqual([
				wall.start,
				wall.end
			]);
			// DTSTAMP and LAST-MODIFIED are UTC (RFC 5545 3.8.7.2, 3.8.7.3), not a floating clock time.
			for (const name of ['dtstamp', 'last-modified']) {
				const value = component.getFirstPropertyValue(name) as ICAL.Time;
				expect(value.zone, name).toBe(ICAL.Timezone.utcTimezone);
				expect(Math.abs(value.toJSDate().getTime() - stored.updatedAt.getTime()), name).toBeLessThan(1000);
			}
		}

		const ar = translatorFor('ar');
		const w = events.get(`${winter}@tandem`)!.event;
		// No title: the kind, in the reader's language. A title stays as written.
		expect(w.summary).toBe(ar('appointments.kind_doctor'));
		expect(w.summary).toBe(arMessages['appointments.kind_doctor']);
		expect(events.get(`${summer}@tandem`)!.event.summary).toBe('Termin bei Frau Yılmaz');
		expect(w.location).toBe('Praxis Dr. Weber, Hauptstr. 1, 36037 Fulda');
		expect(w.description).toBe(
			[
				'Nüchtern kommen',
				`${ar('appointments.directions')}: Bus 5 bis Stadtschloss`,
				`${ar('appointments.bring')}: ${ar('appointments.bring_passport')}, ${ar('appointments.bring_health_card')}, Überweisung`
			].join('\n\n')
		);
		expect(events.get(`${winter}@tandem`)!.component.getFirstPropertyValue('status')).toBe('TENTATIVE');
		expect(events.get(`${summer}@tandem`)!.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
	});

	it('the summary follows the locale; a cancelled or moved appointment stays in, as CANCELLED', async () => {
		const cancelled = await make({
			kind: 'immigration_office',
			date: '2027-02-03',
			start: '09:00',
			end: '09:30',
			agreed: 'yes'
		});
		expect((await changeAppointment(caseworker(), pid(), cancelled, 'cancel', 'Behörde hat abgesagt', NOW)).ok).toBe(
			true
		);
		const declined = await make({ kind: 'language_course', date: '2027-02-04' });
		expect((await changeAppointment(self(), pid(), declined, 'decline', '', NOW)).ok).toBe(true);
		const rows = await appointmentsOf(fixtureAccess(pid()));

		for (const locale of ['en', 'ar', 'de'] as Locale[]) {
			const { events } = parse(appointmentsCalendar(rows, locale, 'Tandem'));
			ICAL.TimezoneService.remove('Europe/Berlin');
			const t = translatorFor(locale);
			const c = events.get(`${cancelled}@tandem`)!;
			expect(c.event.summary, locale).toBe(t('appointments.kind_immigration_office'));
			expect(c.component.getFirstPropertyValue('status'), locale).toBe('CANCELLED');
			expect(events.get(`${declined}@tandem`)!.component.getFirstPropertyValue('status'), locale).toBe('CANCELLED');
			expect(berlinParts(c.event.startDate.toJSDate())).toEqual({ date: '2027-02-03', time: '09:00' });
		}
		// English is fully translated already: the label is a word, not a message key.
		const { events } = parse(appointmentsCalendar(rows, 'en', 'Tandem'));
		expect(events.get(`${cancelled}@tandem`)!.event.summary).toBe('Immigration office');
	});
});

describe('private calendar feed', () => {
	it('the participant makes an address; it serves their appointments only, in their language', async () => {
		const mine = await make({ kind: 'doctor', date: '2027-01-20', agreed: 'yes' });
		await make({ kind: 'doctor', date: '2027-01-21' }, actorOf(world.otherCaseworker), world.neighbour.id);
		const token = newFeed(self(), pid());
		expect(token).toMatch(/^[a-z2-7]{20,64}$/);

		const ics = await feedCalendar(token, NOW);
		expect(ics).not.toBeNull();
		const { calendar, events } = parse(ics!);
		// No locale saved on the account: the participant's language (Arabic in the factory).
		expect(world.participant.language).toBe('ar');
		expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe(arMessages['appointments.feed_name']);
		expect(events.get(`${mine}@tandem`)!.event.summary).toBe(arMessages['appointments.kind_doctor']);
		expect([...events.keys()]).toEqual([`${mine}@tandem`]);
		expect(events.get(`${mine}@tandem`)!.event.startDate.toJSDate()).toEqual(new Date('2027-01-20T09:00:00Z'));
		expect((await currentFeed(fixtureAccess(pid())))?.lastFetchedAt).toBeInstanceOf(Date);

		// The language chosen on the account wins.
		await db.update(users).set({ locale: 'en' }).where(eq(users.id, world.participant.userId!));
		ICAL.TimezoneService.remove('Europe/Berlin');
		const english = parse((await feedCalendar(token, NOW))!);
		expect(english.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Tandem appointments');
		expect(english.events.get(`${mine}@tandem`)!.event.summary).toBe('Doctor');
	});

	it('keeps recent history, drops what ended more than 90 days ago', async () => {
		const now = new Date();
		const day = (days: number) => berlinParts(new Date(now.getTime() + days * DAY)).date;
		const recent = await make({ date: day(-30), agreed: 'yes' }, caseworker(), pid(), now);
		await make({ date: day(-100), agreed: 'yes' }, caseworker(), pid(), now);
		const coming = await make({ date: day(10) }, caseworker(), pid(), now);
		const ics = await feedCalendar(newFeed(self(), pid()), now);
		expect([...parse(ics!).events.keys()].sort()).toEqual([`${recent}@tandem`, `${coming}@tandem`].sort());
	});

	it('unknown, replaced and stopped addresses give nothing', async () => {
		await make({ agreed: 'yes' });
		expect(await feedCalendar('a'.repeat(32))).toBeNull();
		expect(await feedCalendar('not a token')).toBeNull();
		expect(await feedCalendar('')).toBeNull();

		const first = newFeed(self(), pid());
		expect(await feedCalendar(first, NOW)).toContain('BEGIN:VEVENT');
		const second = newFeed(self(), pid());
		expect(second).not.toBe(first);
		expect(await feedCalendar(first)).toBeNull();
		expect(await feedCalendar(second, NOW)).toContain('BEGIN:VEVENT');
		expect(await currentFeed(fixtureAccess(pid()))).not.toBeNull();

		stopFeed(self(), pid());
		expect(await feedCalendar(second)).toBeNull();
		expect(await currentFeed(fixtureAccess(pid()))).toBeNull();

		const audited = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'calendar_feed.changed'), eq(auditLog.participantId, pid())));
		expect(audited.map((r) => r.detail)).toEqual([{ change: 'new' }, { change: 'new' }, { change: 'stopped' }]);
	});

	it('only the participant makes or stops their feed', async () => {
		expect(() => newFeed(caseworker(), pid())).toThrow();
		expect(() =>
			newFeed(
				actorOf({ id: world.neighbour.userId!, role: 'participant', organisationId: null }, world.neighbour.id),
				pid()
			)
		).toThrow();
		const token = newFeed(self(), pid());
		expect(() => stopFeed(caseworker(), pid())).toThrow();
		expect(await feedCalendar(token)).not.toBeNull();
	});
});
