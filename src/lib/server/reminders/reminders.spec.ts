import { createECDH, randomBytes } from 'node:crypto';
import { isolated } from '$lib/i18n/translator';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { and, eq } from 'drizzle-orm';
// @ts-expect-error http_ece ships no type declarations
import ece from 'http_ece';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConsentScope } from '$lib/domain';
import { formatRelativeDay, formatTime, formatTimeRange } from '$lib/i18n/format';
import arMessages from '$lib/i18n/messages/ar.json';
import { appointmentsOf, changeAppointment, createAppointment } from '../appointments';
import { appointmentReminders } from '../appointments/reminders';
import type { AppointmentInput } from '../appointments/schema';
import { acceptGrant, grantConsent, withdrawConsent } from '../consent';
import { db } from '../db';
import { appointments, reminders, users } from '../db/schema';
import { translatorFor } from '../i18n';
import type { PushMessage } from '../push';
import { subscribe } from '../push';
import { actorOf, appointmentInput, fixtureAccess, makeSession, makeUser, makeWorld } from '../testing/factories';
import { dismissReminder, offsetsOf, remindersFor, runReminders, saveOffsets } from '.';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// ——— A stand-in push service that decrypts what it gets, as the browser would ———

let server: Server;
let port: number;
const browsers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
/** Decrypted messages, by the endpoint path they were sent to. */
let inbox: { path: string; message: PushMessage }[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const path = req.url ?? '';
			const browser = browsers.get(path);
			if (browser === undefined) {
				res.statusCode = 410;
			} else {
				const plain: Buffer = ece.decrypt(Buffer.concat(chunks), {
					version: 'aes128gcm',
					privateKey: browser.ecdh,
					authSecret: browser.auth
				});
				inbox.push({ path, message: JSON.parse(plain.toString('utf8')) as PushMessage });
				res.statusCode = 201;
			}
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

/** Subscribes one browser for the user; returns a function giving the messages that browser received. */
async function phoneOf(userId: string) {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	const path = `/push/${crypto.randomUUID()}`;
	browsers.set(path, { ecdh, auth });
	await subscribe(userId, await makeSession(userId, 'participant'), {
		endpoint: `http://127.0.0.1:${port}${path}`,
		keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') }
	});
	return () => inbox.filter((m) => m.path === path).map((m) => m.message);
}

// ——— The people ———

let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const userId = () => world.participant.userId!;
const self = () => actorOf({ id: userId(), role: 'participant', organisationId: null }, pid());
const caseworker = () => actorOf(world.caseworker);
let phone: () => PushMessage[];

// Each test gets its own day, so appointments of earlier tests never fall into a later test's window.
let testDay = 0;
let START: Date;

beforeEach(async () => {
	world = await makeWorld();
	await db.update(users).set({ locale: 'ar' }).where(eq(users.id, userId()));
	phone = await phoneOf(userId());
	inbox = [];
	testDay += 3;
	START = new Date(Date.UTC(2027, 0, 10 + testDay, 9, 0)); // 10:00 in Germany
});

const date = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(START);

async function appointment(overrides: Partial<AppointmentInput> = {}, createdAt = new Date(START.getTime() - 3 * DAY)) {
	const result = await createAppointment(
		caseworker(),
		pid(),
		appointmentInput(date(), { kind: 'immigration_office', end: '10:30', ...overrides }),
		createdAt
	);
	if (!result.ok) throw new Error(result.reason);
	const [row] = await appointmentsOf(fixtureAccess(pid()), result.id);
	expect(row.startsAt).toEqual(START);
	return row;
}

const storedFor = (user: string) => db.select().from(reminders).where(eq(reminders.userId, user));

async function grantTo(user: { id: string }, scopes: ConsentScope[]) {
	const { id, code } = await grantConsent(self(), pid(), {
		granteeKind: 'volunteer',
		granteeName: 'Ulrike',
		purpose: 'Begleitung',
		scopes,
		months: 3,
		givenVia: 'app',
		noticeLocale: 'de'
	});
	expect(await acceptGrant(actorOf({ id: user.id, role: 'volunteer', organisationId: null }), code!)).toEqual({
		ok: true,
		participantId: pid()
	});
	return id;
}

async function volunteerWith(scopes: ConsentScope[], locale: 'en' | 'de' = 'en') {
	const user = await makeUser('volunteer', null, { locale });
	return { user, consentId: await grantTo(user, scopes) };
}

describe('appointment reminders', () => {
	it('20 hours ahead: one "1d" reminder, pushed once, in Arabic', async () => {
		const a = await appointment();
		const now = new Date(START.getTime() - 20 * HOUR);
		expect(await runReminders(now)).toMatchObject({ stored: 1, pushed: 1 });

		const stored = await storedFor(userId());
		expect(stored).toMatchObject([
			{
				subject: 'appointment',
				subjectId: a.id,
				offset: '1d',
				participantId: pid(),
				dueAt: new Date(START.getTime() - DAY),
				pushedAt: now
			}
		]);

		const ar = translatorFor('ar');
		const what = ar('appointments.kind_immigration_office');
		expect(phone()).toHaveLength(1);
		const [message] = phone();
		expect(message.title).toBe(
			ar('reminders.appointment_day', {
				what,
				day: formatRelativeDay('ar', a.startsAt, now)!,
				time: formatTime('ar', a.startsAt)
			})
		);
		// Read straight from the Arabic messages, not through the translator: "دائرة الأجانب … – غدًا، 10:00".
		expect(message.title).toBe(
			arMessages['reminders.appointment_day']
				.replace('{{what}}', arMessages['appointments.kind_immigration_office'])
				.replace('{{day}}', 'غدًا')
				.replace('{{time}}', formatTime('ar', a.startsAt))
		);
		expect(message.title).toMatch(/^[\u0600-\u06FF]/);
		// The time as an Arabic reader reads it, on the German clock; and the request to answer.
		expect(message.body.split('\n')).toEqual([
			formatTimeRange('ar', a.startsAt, a.endsAt),
			ar('reminders.please_answer')
		]);
		expect(message.body).toMatch(/[\u0600-\u06FF]/);
		expect(message).toMatchObject({ url: `/participants/${pid()}/appointments/${a.id}`, tag: `appointment-${a.id}` });

		// The in-app list says the same.
		const listed = await remindersFor(userId(), 'ar', now);
		expect(listed).toEqual([
			{
				id: stored[0].id,
				subject: 'appointment',
				offset: '1d',
				dueAt: stored[0].dueAt,
				title: message.title,
				body: message.body,
				url: message.url
			}
		]);

		// Running again (the next minute, or a second server) stores and sends nothing new.
		expect(await runReminders(now)).toEqual({ stored: 0, pushed: 0, removedSubscriptions: 0 });
		expect(await runReminders(new Date(now.getTime() + MINUTE))).toEqual({
			stored: 0,
			pushed: 0,
			removedSubscriptions: 0
		});
		expect(await storedFor(userId())).toHaveLength(1);
		expect(phone()).toHaveLength(1);
	});

	it('minute by minute: a reminder is found the minute it falls due, and a booking made since at once', async () => {
		await appointment();
		const minuteRun = (now: Date) => runReminders(now, undefined, new Date(now.getTime() - MINUTE));
		// The clock's run one minute before the day-before reminder finds nothing; the next one finds it.
		expect(await minuteRun(new Date(START.getTime() - DAY - MINUTE))).toMatchObject({ stored: 0 });
		expect(await minuteRun(new Date(START.getTime() - DAY))).toMatchObject({ stored: 1 });
		expect((await storedFor(userId())).map((r) => r.offset)).toEqual(['1d']);
		// A run in between that window and the next finds nothing and reads nothing of it.
		const quiet = new Date(START.getTime() - 10 * HOUR);
		expect(await appointmentReminders.due(quiet, new Date(quiet.getTime() - MINUTE))).toEqual([]);

		// At 10:00 an appointment for 11:30 is booked: the next minute's run reminds of it ("2h", the latest due).
		const booked = await createAppointment(
			caseworker(),
			pid(),
			appointmentInput(date(), { kind: 'doctor', start: '11:30', end: '12:00' }),
			START
		);
		if (!booked.ok) throw new Error(booked.reason);
		// Booked at 10:00 on the test's clock (the row records the real time of the insert).
		await db.update(appointments).set({ updatedAt: START }).where(eq(appointments.id, booked.id));
		const next = new Date(START.getTime() + MINUTE);
		expect(await runReminders(next, undefined, new Date(START.getTime() - 30_000))).toMatchObject({ stored: 1 });
		expect((await storedFor(userId())).filter((r) => r.subjectId === booked.id).map((r) => r.offset)).toEqual(['2h']);
	});

	it('an hour before: the "2h" reminder follows, with the time', async () => {
		const a = await appointment({
			title: 'تجديد الإقامة',
			agreed: 'yes',
			place: 'Ausländerbehörde',
			bring: ['passport']
		});
		await runReminders(new Date(START.getTime() - 20 * HOUR));
		expect(await runReminders(new Date(START.getTime() - 2 * HOUR - MINUTE))).toMatchObject({ stored: 0 });
		const now = new Date(START.getTime() - HOUR);
		expect(await runReminders(now)).toMatchObject({ stored: 1, pushed: 1 });
		expect((await storedFor(userId())).map((r) => r.offset).sort()).toEqual(['1d', '2h']);

		const ar = translatorFor('ar');
		const [, soon] = phone();
		expect(soon.title).toBe(
			ar('reminders.appointment_soon', { time: formatTime('ar', START), what: isolated('تجديد الإقامة') })
		);
		expect(soon.title).toBe(
			arMessages['reminders.appointment_soon']
				.replace('{{time}}', formatTime('ar', START))
				.replace('{{what}}', '\u2068تجديد الإقامة\u2069')
		);
		expect(soon.body).toContain(arMessages['appointments.bring_passport']);
		expect(soon.body.split('\n')).toEqual([
			formatTimeRange('ar', a.startsAt, a.endsAt),
			'Ausländerbehörde',
			`${ar('appointments.bring')}: ${ar('appointments.bring_passport')}`
		]);
		expect((await remindersFor(userId(), 'ar', now)).map((r) => r.offset)).toEqual(['2h', '1d']);
	});

	it('someone who turned the day-before reminder off gets none of those', async () => {
		await saveOffsets(userId(), ['2h', 'nonsense']);
		expect([...(await offsetsOf(userId()))]).toEqual(['2h']);
		await appointment();
		expect(await runReminders(new Date(START.getTime() - 20 * HOUR))).toMatchObject({ stored: 0, pushed: 0 });
		expect(phone()).toHaveLength(0);
		expect(await runReminders(new Date(START.getTime() - HOUR))).toMatchObject({ stored: 1, pushed: 1 });
		expect((await storedFor(userId())).map((r) => r.offset)).toEqual(['2h']);

		await saveOffsets(userId(), []);
		expect((await offsetsOf(userId())).size).toBe(0);
	});

	it('a cancelled appointment’s reminder disappears from the list, and no further one comes', async () => {
		const a = await appointment({ agreed: 'yes' });
		const now = new Date(START.getTime() - 20 * HOUR);
		await runReminders(now);
		expect(await remindersFor(userId(), 'ar', now)).toHaveLength(1);
		expect((await changeAppointment(caseworker(), pid(), a.id, 'cancel', '', now)).ok).toBe(true);
		expect(await remindersFor(userId(), 'ar', now)).toEqual([]);
		expect(await runReminders(new Date(START.getTime() - HOUR))).toMatchObject({ stored: 0, pushed: 0 });
		expect(phone()).toHaveLength(1);
	});

	it('a reminder for an appointment that is over leaves the list', async () => {
		await appointment({ agreed: 'yes' });
		await runReminders(new Date(START.getTime() - 20 * HOUR));
		expect(await remindersFor(userId(), 'ar', new Date(START.getTime() + 29 * MINUTE))).toHaveLength(1);
		expect(await remindersFor(userId(), 'ar', new Date(START.getTime() + 31 * MINUTE))).toEqual([]);
	});

	it('dismissing hides it for that person only', async () => {
		await appointment({ agreed: 'yes' });
		const now = new Date(START.getTime() - 20 * HOUR);
		await runReminders(now);
		const [item] = await remindersFor(userId(), 'ar', now);
		await dismissReminder(world.caseworker.id, item.id, now);
		expect(await remindersFor(userId(), 'ar', now)).toHaveLength(1);
		await dismissReminder(userId(), item.id, now);
		expect(await remindersFor(userId(), 'ar', now)).toEqual([]);
		// Dismissed is not forgotten: it is not stored or sent again.
		expect(await runReminders(new Date(now.getTime() + MINUTE))).toMatchObject({ stored: 0 });
	});

	it('an appointment made an hour before it starts gets only the "2h" reminder, never a late "1d"', async () => {
		const now = new Date(START.getTime() - HOUR);
		await appointment({ agreed: 'yes' }, now);
		expect(await runReminders(now)).toMatchObject({ stored: 1, pushed: 1 });
		expect(await runReminders(new Date(now.getTime() + 10 * MINUTE))).toMatchObject({ stored: 0, pushed: 0 });
		expect((await storedFor(userId())).map((r) => r.offset)).toEqual(['2h']);
		expect(phone()).toHaveLength(1);
		expect(phone()[0].title).toBe(
			translatorFor('ar')('reminders.appointment_soon', {
				time: formatTime('ar', START),
				what: translatorFor('ar')('appointments.kind_immigration_office')
			})
		);
	});

	it('nothing more than a day ahead, nothing once it has started', async () => {
		await appointment({ agreed: 'yes' });
		expect(await runReminders(new Date(START.getTime() - DAY - MINUTE))).toMatchObject({ stored: 0 });
		expect(await runReminders(START)).toMatchObject({ stored: 0 });
		expect(await storedFor(userId())).toHaveLength(0);
	});

	it('a volunteer going along is reminded too, in their language, while they may see the appointments', async () => {
		const { user: companion, consentId } = await volunteerWith(['appointments.read'], 'en');
		const companionPhone = await phoneOf(companion.id);
		await appointment({ kind: 'doctor', agreed: 'yes', companionId: companion.id });
		const now = new Date(START.getTime() - 20 * HOUR);
		expect(await runReminders(now)).toMatchObject({ stored: 2, pushed: 2 });
		expect(companionPhone().map((m) => m.title)).toEqual(['Doctor – tomorrow, 10:00']);
		expect(phone().map((m) => m.title)).toEqual([
			translatorFor('ar')('reminders.appointment_day', {
				what: translatorFor('ar')('appointments.kind_doctor'),
				day: 'غدًا',
				time: formatTime('ar', START)
			})
		]);
		expect((await remindersFor(companion.id, 'en', now)).map((r) => r.title)).toEqual(['Doctor – tomorrow, 10:00']);

		// Consent withdrawn: the volunteer is no longer reminded, the person still is.
		await withdrawConsent(self(), pid(), consentId);
		expect(await runReminders(new Date(START.getTime() - HOUR))).toMatchObject({ stored: 1, pushed: 1 });
		expect((await storedFor(companion.id)).map((r) => r.offset)).toEqual(['1d']);
		expect(companionPhone()).toHaveLength(1);
		expect(phone()).toHaveLength(2);
	});

	it('a volunteer without appointment consent is not reminded even if named as companion', async () => {
		// Named while appointments were shared; now only the plan is shared with them.
		const { user: companion, consentId } = await volunteerWith(['appointments.read']);
		await grantTo(companion, ['plan.read']);
		await appointment({ agreed: 'yes', companionId: companion.id });
		expect(await withdrawConsent(self(), pid(), consentId)).toMatchObject({ ok: true });
		const companionPhone = await phoneOf(companion.id);
		expect(await runReminders(new Date(START.getTime() - 20 * HOUR))).toMatchObject({ stored: 1, pushed: 1 });
		expect(await storedFor(companion.id)).toHaveLength(0);
		expect(companionPhone()).toHaveLength(0);
		expect(phone()).toHaveLength(1);
	});

	it('a reminder is kept for the in-app list even when there is no phone to push to', async () => {
		const { user } = await volunteerWith(['appointments.read']);
		await appointment({ agreed: 'yes', companionId: user.id });
		const now = new Date(START.getTime() - 20 * HOUR);
		expect(await runReminders(now)).toMatchObject({ stored: 2, pushed: 1 });
		const [row] = await db
			.select()
			.from(reminders)
			.where(and(eq(reminders.userId, user.id), eq(reminders.offset, '1d')));
		expect(row.pushedAt).toBeNull();
		expect(await remindersFor(user.id, 'en', now)).toHaveLength(1);
	});
});
