import { readFile } from 'node:fs/promises';
import { expect, request, test, type Browser, type Locator, type Page } from '@playwright/test';
import ICAL from 'ical.js';
import {
	ar,
	de,
	expectDocumentLanguage,
	expectNoAxeViolations,
	expectSuccess,
	fa,
	fill,
	openAllDetails,
	pattern,
	PHONE,
	plural,
	signedInContext,
	signIn,
	switchLanguage,
	ti,
	type Locale,
	type Messages
} from './helpers';
import { isolated } from '../src/lib/i18n/translator';

// The caseworker is the page fixture: staff in Baden-Württemberg, a German browser on a desktop.
// Participants get their own phone-sized context; their saved language decides their pages' language.
test.use({ locale: 'de-DE' });

// This file changes the appointments, office-hour bookings and reminders of the three showcase participants
// (Amina, Selam, Zahra) and Sabine's office hours; no other test file reads them.
const AMINA = { username: 'participant', search: 'Al-Hassan', listName: 'Al-Hassan, Amina', name: 'Amina Al-Hassan' };
const SELAM = { username: 'participant.ti', search: 'Tesfay', listName: 'Tesfay, Selam', name: 'Selam Tesfay' };
const ZAHRA = { username: 'participant.fa', search: 'Ahmadi', listName: 'Ahmadi, Zahra', name: 'Zahra Ahmadi' };
/** The demo's doctor appointment Amina entered herself, less than a day away (so a reminder is waiting). */
const DOCTOR_TITLE = 'طبيب الأطفال – فحص ليلى';
/** The demo's immigration-office appointment in three days, waiting for Amina's answer. */
const IMMIGRATION_TITLE = 'Verlängerung Aufenthaltserlaubnis';

const TZ = 'Europe/Berlin';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const MINUTE = 60_000;

// ——— Dates on German clocks, as the app reads and writes them ———

/** Today's date in Germany (YYYY-MM-DD). */
const berlinToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
/** A calendar date `days` after another (counts days, not hours, so summer time does not matter). */
function addDays(iso: string, days: number): string {
	const [y, m, d] = iso.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
const isoInDays = (days: number) => addDays(berlinToday(), days);
/** The last Sunday of March: clocks in Germany jump from 02:00 to 03:00 that night. */
function lastSundayOfMarch(year: number): string {
	const day = new Date(Date.UTC(year, 2, 31));
	day.setUTCDate(31 - day.getUTCDay());
	return day.toISOString().slice(0, 10);
}
/** An instant as date and clock time in Germany ("2026-11-26", "10:00"). */
function berlinWall(at: Date): { date: string; time: string } {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: TZ,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(at)
			.map((p) => [p.type, p.value])
	);
	return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

// ——— How pages write times (server-side Intl, on the 24-hour clock in Germany; Persian with Gregorian dates) ———

const intlLocale = (locale: Locale) => (locale === 'fa' ? 'fa-u-ca-gregory' : locale);
/** "Donnerstag, 26. November 2026, 10:00–10:45" */
const timeRange = (locale: Locale, start: Date, end: Date) =>
	new Intl.DateTimeFormat(intlLocale(locale), {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		hour: 'numeric',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TZ
	}).formatRange(start, end);
/** "26.11.2026, 10:00" */
const dateTime = (locale: Locale, at: Date) =>
	new Intl.DateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		hourCycle: 'h23',
		timeZone: TZ
	}).format(at);
/** "Do., 26. Nov." */
const dayLabel = (locale: Locale, at: Date) =>
	new Intl.DateTimeFormat(intlLocale(locale), {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		timeZone: TZ
	}).format(at);
/** Calendar days from today in Germany (0 today, 1 tomorrow). */
const daysFromToday = (at: Date) =>
	Math.round(
		(Date.parse(new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(at)) - Date.parse(berlinToday())) / 86_400_000
	);
/** "today", "tomorrow" */
const relativeDay = (locale: Locale, at: Date) =>
	new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' }).format(daysFromToday(at), 'day');
/** "10:00" */
const clock = (locale: Locale, at: Date) =>
	new Intl.DateTimeFormat(intlLocale(locale), {
		hour: 'numeric',
		minute: '2-digit',
		hourCycle: 'h23',
		timeZone: TZ
	}).format(at);

// ——— Finding things on the pages ———

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const appointmentsPath = (id: string) => `/participants/${id}/appointments`;
const APPOINTMENTS_PATH = new RegExp(`^/participants/${UUID}/appointments$`);
const APPOINTMENTS_URL = new RegExp(`/participants/${UUID}/appointments$`);
const DETAIL_URL = (listPath: string, done: string) => new RegExp(`${listPath}/(${UUID})\\?done=${done}$`);

/** An appointment's card in a list, by its title as shown (its own title, or the kind when it has none). */
const card = (page: Page, title: string): Locator =>
	page.getByRole('main').getByRole('article', { name: title, exact: true });
/** The card of one appointment, by id (several can share a title, e.g. "Consultation at the office"). */
const cardById = (page: Page, id: string): Locator => page.locator(`#appointment-${id}`);
/** The status tag as the reader sees it (exact text, so "Confirmed" does not match "Waiting for…"). */
const statusTag = (scope: Locator, text: string): Locator => scope.getByText(text, { exact: true });
/** The start of the appointment a card or detail page shows, from its <time datetime>. */
async function startOf(scope: Locator): Promise<Date> {
	const datetime = await scope.locator('time').first().getAttribute('datetime');
	expect(datetime).not.toBeNull();
	return new Date(datetime!);
}
/** Every appointment on a list page, upcoming and past (the past ones are folded away). */
async function allCards(page: Page): Promise<Locator> {
	await openAllDetails(page);
	return page.getByRole('main').getByRole('article');
}
/** The detail page's main card (title, status, time, details). */
const detailCard = (page: Page): Locator => page.getByRole('main').getByRole('article');
/** The appointment's history (who did what, with their messages). */
const history = (page: Page, t: Messages): Locator =>
	page.getByRole('region', { name: t['appointments.history'], exact: true }).getByRole('listitem');

/** Staff open a participant's appointments as at work: search the caseload, open the record, follow the link. */
async function openAppointmentsAsStaff(
	page: Page,
	person: { search: string; listName: string },
	t: Messages = de
): Promise<string> {
	await page.goto(`/caseload?q=${encodeURIComponent(person.search)}`);
	await page.getByRole('main').getByRole('list').getByRole('link', { name: person.listName, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`/participants/${UUID}$`));
	await page.getByRole('main').getByRole('link', { name: t['appointments.title'], exact: true }).click();
	await expect(page).toHaveURL(APPOINTMENTS_URL);
	return new URL(page.url()).pathname;
}

/** A participant opens their own appointments from the main menu. */
async function openOwnAppointments(page: Page, t: Messages): Promise<string> {
	await page
		.getByRole('navigation', { name: t['nav.main'] })
		.getByRole('link', { name: t['nav.my_appointments'], exact: true })
		.click();
	await expect(page).toHaveURL(APPOINTMENTS_URL);
	await expect(page.getByRole('heading', { level: 1, name: t['appointments.title'], exact: true })).toBeVisible();
	return new URL(page.url()).pathname;
}

/** A participant's id, the way the app gives it to them: /appointments leads to their own list. */
async function participantId(baseURL: string, username: string): Promise<string> {
	const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	try {
		const login = await context.post('/login', {
			form: { username, password: 'tandem-demo' },
			headers: { accept: 'text/html' },
			maxRedirects: 0
		});
		expect(login.status(), `sign-in as ${username}`).toBe(303);
		const location = (await context.get('/appointments', { maxRedirects: 0 })).headers()['location'];
		expect(location).toMatch(APPOINTMENTS_PATH);
		return location.split('/')[2];
	} finally {
		await context.dispose();
	}
}

async function expectNotFound(page: Page, url: string, t: Messages = de): Promise<void> {
	const response = await page.goto(url);
	expect(response?.status(), url).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: t['error.not_found'] })).toBeVisible();
}

/** A calendar file that is not yours: 404, and nothing of it in the answer. */
async function expectNoCalendar(page: Page, url: string): Promise<void> {
	const response = await page.request.get(url);
	expect(response.status(), url).toBe(404);
	expect(response.headers()['content-type']).not.toMatch(/text\/calendar/);
	expect(await response.text()).not.toContain('BEGIN:VCALENDAR');
}

/** The free slot radios on a booking page (each a slot id as its value). */
const slotRadios = (page: Page): Locator => page.getByRole('main').getByRole('radio');

async function phone(browser: Browser, username: string) {
	return signedInContext(browser, username, { ...PHONE });
}

// ———————————————————————————————————————————————————————————————————————————————————————————————

test("the issue's journey: the caseworker makes an appointment, Amina confirms it on her phone in Arabic and books a consultation, the caseworker confirms it", async ({
	page,
	browser
}) => {
	test.slow();
	const TITLE = 'Fiktionsbescheinigung abholen';
	const PLACE = 'Landratsamt Ludwigsburg, Ausländerbehörde, Zimmer 1.08';
	const date = isoInDays(4);

	// a. Sabine, at her desk in German, makes an appointment at the immigration office for Amina.
	await signIn(page, 'caseworker');
	await expectDocumentLanguage(page, 'de');
	const listPath = await openAppointmentsAsStaff(page, AMINA);
	await expect(
		page.getByRole('heading', { level: 1, name: fill(de['appointments.of'], { name: AMINA.name }) })
	).toBeVisible();
	await page.getByRole('link', { name: de['appointments.new'], exact: true }).click();
	await expect(page).toHaveURL(`${listPath}/new`);
	await page
		.getByRole('combobox', { name: de['appointments.kind'] })
		.selectOption({ label: de['appointments.kind_immigration_office'] });
	await page.getByRole('textbox', { name: de['appointments.title_field'] }).fill(TITLE);
	await page.getByLabel(de['appointments.date'], { exact: true }).fill(date);
	await page.getByLabel(de['appointments.start'], { exact: true }).fill('10:00');
	await page.getByLabel(de['appointments.end'], { exact: true }).fill('10:45');
	await page.getByRole('textbox', { name: de['appointments.place'] }).fill(PLACE);
	await page.getByRole('checkbox', { name: de['appointments.bring_passport'], exact: true }).check();
	await page.getByRole('button', { name: de['appointments.save'] }).click();
	await expect(page).toHaveURL(DETAIL_URL(listPath, 'created'));
	await expectSuccess(page, de['appointments.done_created']);
	await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
	await expect(statusTag(detailCard(page), de['appointments.status_requested_participant'])).toBeVisible();
	// Stored on the clock in Germany: 10:00–10:45 on that day.
	const start = await startOf(detailCard(page));
	expect(berlinWall(start)).toEqual({ date, time: '10:00' });
	const end = new Date(start.getTime() + 45 * MINUTE);
	await expect(detailCard(page).locator('time')).toHaveText(timeRange('de', start, end));

	// b. Amina, on her phone in Arabic, opens her appointments and finds it, its time written in Arabic.
	const amina = await phone(browser, AMINA.username);
	const a = amina.page;
	try {
		await expectDocumentLanguage(a, 'ar');
		expect(await openOwnAppointments(a, ar)).toBe(listPath);
		const mine = card(a, TITLE);
		await expect(mine.locator('time')).toHaveText(timeRange('ar', start, end));
		await expect(mine).toContainText(ar['appointments.kind_immigration_office']);
		await expect(mine).toContainText(PLACE);
		await expect(mine).toContainText(ar['appointments.bring_passport']);
		await expect(statusTag(mine, ar['appointments.status_requested_you'])).toBeVisible();

		// She confirms it right on the card.
		await mine.getByRole('button', { name: ar['appointments.confirm'], exact: true }).click();
		await expect(a).toHaveURL(`${listPath}?done=confirmed`);
		await expectSuccess(a, ar['appointments.done_confirmed']);
		await expect(statusTag(mine, ar['appointments.status_confirmed'])).toBeVisible();
		await expect(mine.getByRole('button', { name: ar['appointments.confirm'], exact: true })).toHaveCount(0);

		// c. She asks Sabine for a consultation: the first free time of her office hours, with a message.
		await a.getByRole('link', { name: ar['appointments.book'], exact: true }).click();
		await expect(a).toHaveURL(`${listPath}/book`);
		await expect(a.getByRole('heading', { level: 1, name: ar['appointments.book_title'] })).toBeVisible();
		await expect(a.getByText(fill(ar['appointments.book_help'], { name: 'Sabine Keller' }))).toBeVisible();
		const slot = slotRadios(a).first();
		const slotId = await slot.getAttribute('value');
		expect(slotId).toMatch(new RegExp(`^${UUID}$`));
		await slot.check();
		const MESSAGE = 'أريد أن أتحدث عن دورة اللغة وعن روضة الأطفال.';
		await a.getByRole('textbox', { name: ar['appointments.message'] }).fill(MESSAGE);
		await a.getByRole('button', { name: ar['appointments.book_submit'] }).click();
		await expect(a).toHaveURL(DETAIL_URL(listPath, 'booked'));
		const bookingId = DETAIL_URL(listPath, 'booked').exec(new URL(a.url()).pathname + new URL(a.url()).search)![1];
		await expectSuccess(a, ar['appointments.done_booked']);
		await expect(statusTag(detailCard(a), ar['appointments.status_requested_staff'])).toBeVisible();
		await expect(detailCard(a)).toContainText(ar['appointments.from_office_hours']);
		await expect(history(a, ar).filter({ hasText: MESSAGE })).toContainText(ar['appointments.event_requested']);
		// Office hours at the office (30 minutes) or by phone (20 minutes), whichever came first.
		const byPhone =
			(await a.getByRole('heading', { level: 1 }).innerText()).trim() === ar['appointments.kind_phone_call'];
		const kind = byPhone ? 'appointments.kind_phone_call' : 'appointments.kind_office_consultation';
		await expect(a.getByRole('heading', { level: 1, name: ar[kind], exact: true })).toBeVisible();
		const slotStart = await startOf(detailCard(a));
		const slotEnd = new Date(slotStart.getTime() + (byPhone ? 20 : 30) * MINUTE);
		// In her list it waits for the caseworker.
		await a.goto(listPath);
		await expect(statusTag(cardById(a, bookingId), ar['appointments.status_requested_staff'])).toBeVisible();
		// Her soonest appointment now, as the caseload will show it.
		const next = await startOf(
			a.getByRole('region', { name: ar['appointments.upcoming'], exact: true }).getByRole('article').first()
		);

		// d. Sabine's caseload: Amina's row flags an appointment to answer and shows her next appointment.
		await page.goto('/caseload');
		await page.getByRole('searchbox', { name: de['caseload.search'] }).fill(AMINA.search);
		await page.getByRole('button', { name: de['caseload.apply'] }).click();
		await page.waitForURL(/\/caseload\?/);
		const row = page
			.getByRole('main')
			.getByRole('list')
			.getByRole('listitem')
			.filter({ has: page.getByRole('link', { name: AMINA.listName, exact: true }) });
		const flag = row.getByRole('link', { name: plural(de, 'caseload.appointment_requests') });
		await expect(flag).toBeVisible();
		const staffStatuses = ['status_confirmed', 'waiting_for_staff', 'status_requested_participant']
			.map((k) => de[`appointments.${k}`])
			.join('|');
		await expect(row).toContainText(
			new RegExp(`${escape(de['caseload.next_appointment'])}: ${escape(dateTime('de', next))} (${staffStatuses})`)
		);

		// "Needs attention" → "Appointments to answer" lists her too.
		await page
			.getByRole('combobox', { name: de['caseload.attention'] })
			.selectOption({ label: de['caseload.attention_appointments'] });
		await page.getByRole('button', { name: de['caseload.apply'] }).click();
		await expect(page).toHaveURL(/[?&]attention=appointments/);
		await expect(flag).toBeVisible();

		// Her appointments: the one she confirmed, and her request waiting for Sabine.
		await flag.click();
		await expect(page).toHaveURL(listPath);
		await expect(statusTag(card(page, TITLE), de['appointments.status_confirmed'])).toBeVisible();
		const booking = cardById(page, bookingId);
		await expect(booking.getByRole('link', { name: de[kind], exact: true })).toBeVisible();
		await expect(statusTag(booking, de['appointments.waiting_for_staff'])).toBeVisible();
		await expect(booking.locator('time')).toHaveText(timeRange('de', slotStart, slotEnd));

		// e. Sabine reads Amina's message and confirms the time.
		await booking.getByRole('link', { name: de[kind], exact: true }).click();
		await expect(page).toHaveURL(`${listPath}/${bookingId}`);
		await expect(history(page, de).filter({ hasText: MESSAGE })).toContainText(`${AMINA.name}`);
		await page.getByRole('button', { name: de['appointments.confirm'], exact: true }).click();
		await expect(page).toHaveURL(`${listPath}/${bookingId}?done=confirmed`);
		await expectSuccess(page, de['appointments.done_confirmed']);
		await expect(statusTag(detailCard(page), de['appointments.status_confirmed'])).toBeVisible();

		// The slot is taken: her office hours show Amina in it, and nobody can book it any more.
		await page
			.getByRole('navigation', { name: de['nav.main'] })
			.getByRole('link', { name: de['nav.office_hours'] })
			.click();
		await expect(page).toHaveURL(/\/office-hours$/);
		const daySlots = page
			.getByRole('heading', { level: 3, name: dayLabel('de', slotStart), exact: true })
			.locator('xpath=following-sibling::ul[1]')
			.getByRole('listitem');
		const taken = daySlots.filter({ hasText: `${clock('de', slotStart)}–${clock('de', slotEnd)}` });
		await expect(taken).toHaveCount(1);
		await expect(taken.getByRole('link', { name: AMINA.name })).toBeVisible();
		await expect(taken).not.toContainText(de['appointments.slot_free']);
		await expect(taken.getByRole('button', { name: pattern(de['appointments.remove_slot']) })).toHaveCount(0);

		await a.goto(`${listPath}/book`);
		await expect(slotRadios(a).first()).toBeVisible();
		await expect(a.locator(`input[type=radio][value="${slotId}"]`)).toHaveCount(0);
		await a.goto(listPath);
		await expect(statusTag(cardById(a, bookingId), ar['appointments.status_confirmed'])).toBeVisible();
	} finally {
		await amina.context.close();
	}
});

test('bad times and a slot taken meanwhile are refused in the reader’s language, keep what was typed and save nothing', async ({
	page,
	browser
}) => {
	test.slow();
	const TITLE = 'Kontrolltermin Zahnarzt';
	const PLACE = 'Zahnarztpraxis Dr. Weber, Ditzingen';

	await signIn(page, 'caseworker');
	const listPath = await openAppointmentsAsStaff(page, AMINA);
	// A second tab with the list, to see that nothing was saved.
	const list = await page.context().newPage();
	await list.goto(listPath);
	const before = await (await allCards(list)).count();
	const expectNothingSaved = async () => {
		await list.reload();
		await expect(await allCards(list)).toHaveCount(before);
		await expect(list.getByRole('link', { name: TITLE })).toHaveCount(0);
	};

	await page.goto(`${listPath}/new`);
	const kind = page.getByRole('combobox', { name: de['appointments.kind'] });
	const title = page.getByRole('textbox', { name: de['appointments.title_field'] });
	const date = page.getByLabel(de['appointments.date'], { exact: true });
	const start = page.getByLabel(de['appointments.start'], { exact: true });
	const end = page.getByLabel(de['appointments.end'], { exact: true });
	const place = page.getByRole('textbox', { name: de['appointments.place'] });
	const passport = page.getByRole('checkbox', { name: de['appointments.bring_passport'], exact: true });
	const save = page.getByRole('button', { name: de['appointments.save'] });
	const alert = page.getByRole('main').getByRole('alert');
	const expectTyped = async (values: { date: string; start: string; end: string }) => {
		await expect(kind).toHaveValue('doctor');
		await expect(title).toHaveValue(TITLE);
		await expect(date).toHaveValue(values.date);
		await expect(start).toHaveValue(values.start);
		await expect(end).toHaveValue(values.end);
		await expect(place).toHaveValue(PLACE);
		await expect(passport).toBeChecked();
	};

	// 1. The end before the start.
	const soon = isoInDays(5);
	await kind.selectOption('doctor');
	await title.fill(TITLE);
	await date.fill(soon);
	await start.fill('11:00');
	await end.fill('10:00');
	await place.fill(PLACE);
	await passport.check();
	await save.click();
	await expect(alert).toHaveText(de['appointments.end_before_start']);
	await expect(page).toHaveURL(`${listPath}/new`);
	await expect(end).toHaveAttribute('aria-invalid', 'true');
	await expect(end).toHaveAccessibleDescription(de['appointments.end_before_start']);
	await expectTyped({ date: soon, start: '11:00', end: '10:00' });
	await expectNothingSaved();

	// 2. 02:30 on the night the clocks jump to summer time (the last Sunday of March next year).
	const jump = lastSundayOfMarch(Number(berlinToday().slice(0, 4)) + 1);
	await date.fill(jump);
	await start.fill('02:30');
	await end.fill('03:30');
	await save.click();
	await expect(alert).toHaveText(de['appointments.time_nonexistent']);
	await expect(start).toHaveAttribute('aria-invalid', 'true');
	await expect(start).toHaveAccessibleDescription(de['appointments.time_nonexistent']);
	await expectTyped({ date: jump, start: '02:30', end: '03:30' });
	await expectNothingSaved();

	// 3. A typo in the year.
	await date.fill('2070-06-10');
	await start.fill('10:00');
	await end.fill('10:45');
	await save.click();
	await expect(alert).toHaveText(de['appointments.date_out_of_range']);
	await expect(date).toHaveAttribute('aria-invalid', 'true');
	await expect(date).toHaveAccessibleDescription(de['appointments.date_out_of_range']);
	await expectTyped({ date: '2070-06-10', start: '10:00', end: '10:45' });
	await expectNothingSaved();

	// The same rule for Amina entering a letter's appointment, in Arabic.
	const amina = await phone(browser, AMINA.username);
	const selam = await phone(browser, SELAM.username);
	try {
		const a = amina.page;
		await a.goto(`${listPath}/new`);
		await expect(a.getByRole('heading', { level: 1, name: ar['appointments.add_own'] })).toBeVisible();
		await a.getByRole('combobox', { name: ar['appointments.kind'] }).selectOption('doctor');
		await a.getByRole('textbox', { name: ar['appointments.title_field'] }).fill(TITLE);
		await a.getByLabel(ar['appointments.date'], { exact: true }).fill(jump);
		await a.getByLabel(ar['appointments.start'], { exact: true }).fill('02:30');
		await a.getByLabel(ar['appointments.end'], { exact: true }).fill('03:00');
		await a.getByRole('button', { name: ar['appointments.save'] }).click();
		await expect(a.getByRole('main').getByRole('alert')).toHaveText(ar['appointments.time_nonexistent']);
		await expect(a.getByLabel(ar['appointments.start'], { exact: true })).toHaveValue('02:30');
		await expect(a.getByRole('textbox', { name: ar['appointments.title_field'] })).toHaveValue(TITLE);
		await expectNothingSaved();

		// 4. Selam (Tigrinya) picks a time; before she sends it, Amina books the very same time.
		const s = selam.page;
		await expectDocumentLanguage(s, 'ti');
		const selamList = await openOwnAppointments(s, ti);
		const selamBefore = await (await allCards(s)).count();
		await s.getByRole('link', { name: ti['appointments.book'], exact: true }).click();
		await expect(s).toHaveURL(`${selamList}/book`);
		// The last free time (among the days folded away): far from what other tests book.
		await s.getByText(ti['appointments.more_days'], { exact: true }).click();
		const wanted = slotRadios(s).last();
		const slotId = (await wanted.getAttribute('value'))!;
		await wanted.check();
		const MESSAGE = 'ብዛዕባ ስራሕ ክንዛረብ ደልየ።';
		await s.getByRole('textbox', { name: ti['appointments.message'] }).fill(MESSAGE);

		await a.goto(`${listPath}/book`);
		await a.getByText(ar['appointments.more_days'], { exact: true }).click();
		await a.locator(`input[type=radio][value="${slotId}"]`).check();
		await a.getByRole('button', { name: ar['appointments.book_submit'] }).click();
		await expect(a).toHaveURL(DETAIL_URL(listPath, 'booked'));

		await s.getByRole('button', { name: ti['appointments.book_submit'] }).click();
		await expect(s).toHaveURL(`${selamList}/book`);
		await expect(s.getByRole('main').getByRole('alert')).toHaveText(ti['appointments.slot_taken']);
		await expect(s.getByRole('group', { name: ti['appointments.pick_slot'] })).toHaveAccessibleDescription(
			ti['appointments.slot_taken']
		);
		// Her message is still there, and the taken time is no longer offered.
		await expect(s.getByRole('textbox', { name: ti['appointments.message'] })).toHaveValue(MESSAGE);
		await expect(s.locator(`input[type=radio][value="${slotId}"]`)).toHaveCount(0);
		await s.goto(selamList);
		await expect(await allCards(s)).toHaveCount(selamBefore);
	} finally {
		await amina.context.close();
		await selam.context.close();
	}
});

test("Amina enters a letter's appointment, answers two of Sabine's, and Sabine reads her messages in the history", async ({
	page,
	browser
}) => {
	test.slow();
	const OWN = {
		title: 'اجتماع أولياء الأمور في مدرسة كريم',
		place: 'Grundschule Ditzingen, Raum 12',
		date: isoInDays(9)
	};
	const ASK = 'في الصباح عندي دورة اللغة. هل يمكن بعد الظهر؟';
	const DECLINE = 'ابني مريض، لا أستطيع استقبالكم في هذا اليوم.';

	const amina = await phone(browser, AMINA.username);
	const a = amina.page;
	let listPath = '';
	try {
		listPath = await openOwnAppointments(a, ar);

		// Her own appointment, from a letter of Karim's school: nothing to answer, it is hers.
		await a.getByRole('link', { name: ar['appointments.add_own'], exact: true }).click();
		await expect(a).toHaveURL(`${listPath}/new`);
		await expect(a.getByText(ar['appointments.add_own_help'])).toBeVisible();
		const kind = a.getByRole('combobox', { name: ar['appointments.kind'] });
		// Meetings with the caseworker are booked, not typed in.
		await expect(kind.getByRole('option', { name: ar['appointments.kind_home_visit'] })).toHaveCount(0);
		await kind.selectOption({ label: ar['appointments.kind_school_childcare'] });
		await a.getByRole('textbox', { name: ar['appointments.title_field'] }).fill(OWN.title);
		await a.getByLabel(ar['appointments.date'], { exact: true }).fill(OWN.date);
		await a.getByLabel(ar['appointments.start'], { exact: true }).fill('16:00');
		await a.getByLabel(ar['appointments.end'], { exact: true }).fill('17:00');
		await a.getByRole('textbox', { name: ar['appointments.place'] }).fill(OWN.place);
		await a.getByRole('checkbox', { name: ar['appointments.bring_letter'] }).check();
		await a.getByRole('button', { name: ar['appointments.save'] }).click();
		await expect(a).toHaveURL(DETAIL_URL(listPath, 'created'));
		await expectSuccess(a, ar['appointments.done_created']);
		await expect(a.getByRole('heading', { level: 1, name: OWN.title })).toBeVisible();
		await expect(statusTag(detailCard(a), ar['appointments.status_confirmed'])).toBeVisible();
		await expect(detailCard(a)).toContainText(ar['appointments.added_by_you']);
		expect(berlinWall(await startOf(detailCard(a)))).toEqual({ date: OWN.date, time: '16:00' });
		await expect(a.getByRole('button', { name: ar['appointments.confirm'], exact: true })).toHaveCount(0);

		// The immigration office: she cannot come in the morning and asks for another time.
		await a.goto(listPath);
		await card(a, IMMIGRATION_TITLE).getByRole('link', { name: IMMIGRATION_TITLE }).click();
		await expect(a.getByRole('heading', { level: 2, name: ar['appointments.answer_title'] })).toBeVisible();
		await a.getByRole('textbox', { name: ar['appointments.message'] }).fill(ASK);
		await a.getByRole('button', { name: ar['appointments.ask_other_time'] }).click();
		await expect(a).toHaveURL(new RegExp(`${listPath}/${UUID}\\?done=change_requested$`));
		await expectSuccess(a, ar['appointments.done_change_requested']);
		await expect(statusTag(detailCard(a), ar['appointments.status_requested_staff'])).toBeVisible();
		await expect(history(a, ar).filter({ hasText: ASK })).toContainText(ar['appointments.event_change_requested']);

		// The home visit she had agreed to: her son is ill, she declines.
		await a.goto(listPath);
		await card(a, ar['appointments.kind_home_visit'])
			.getByRole('link', { name: ar['appointments.kind_home_visit'] })
			.click();
		await a.getByRole('textbox', { name: ar['appointments.message'] }).fill(DECLINE);
		await a.getByRole('button', { name: ar['appointments.decline'] }).click();
		await expect(a).toHaveURL(new RegExp(`${listPath}/${UUID}\\?done=declined$`));
		await expectSuccess(a, ar['appointments.done_declined']);
		await expect(statusTag(detailCard(a), ar['appointments.status_declined'])).toBeVisible();
	} finally {
		await amina.context.close();
	}

	// Sabine sees both answers, with Amina's words, in each appointment's history.
	await signIn(page, 'caseworker');
	expect(await openAppointmentsAsStaff(page, AMINA)).toBe(listPath);
	await expect(statusTag(card(page, OWN.title), de['appointments.status_confirmed'])).toBeVisible();
	const immigration = card(page, IMMIGRATION_TITLE);
	await expect(statusTag(immigration, de['appointments.waiting_for_staff'])).toBeVisible();
	await immigration.getByRole('link', { name: IMMIGRATION_TITLE }).click();
	const asked = history(page, de).filter({ hasText: de['appointments.event_change_requested'] });
	await expect(asked).toContainText(AMINA.name);
	await expect(asked.locator('blockquote')).toHaveText(ASK);
	const oldStart = await startOf(detailCard(page));
	const oldWhen = await detailCard(page).locator('time').innerText();

	// Sabine moves it to the afternoon of the same day; the new time waits for Amina's answer.
	const move = page.locator('details').filter({ has: page.getByText(de['appointments.move'], { exact: true }) });
	await move.getByText(de['appointments.move'], { exact: true }).click();
	await expect(move.getByLabel(de['appointments.date'], { exact: true })).toHaveValue(berlinWall(oldStart).date);
	await move.getByLabel(de['appointments.start'], { exact: true }).fill('14:00');
	await move.getByLabel(de['appointments.end'], { exact: true }).fill('14:30');
	await move.getByRole('textbox', { name: de['appointments.message'] }).fill('Geht es um 14 Uhr?');
	await move.getByRole('button', { name: de['appointments.reschedule_submit'] }).click();
	await expect(page).toHaveURL(new RegExp(`${listPath}/${UUID}\\?done=rescheduled$`));
	await expectSuccess(page, de['appointments.done_rescheduled']);
	expect(berlinWall(await startOf(detailCard(page)))).toEqual({ date: berlinWall(oldStart).date, time: '14:00' });
	await expect(detailCard(page)).toContainText(fill(de['appointments.replaces'], { when: oldWhen }));
	await expect(statusTag(detailCard(page), de['appointments.status_requested_participant'])).toBeVisible();
	// The old time stays in the list of past ones, as moved.
	await page.goto(listPath);
	await page.getByText(de['appointments.past'], { exact: true }).click();
	const moved = page.getByRole('main').getByRole('article', { name: IMMIGRATION_TITLE, exact: true });
	await expect(moved).toHaveCount(2);
	await expect(statusTag(moved.filter({ hasText: oldWhen }), de['appointments.status_rescheduled'])).toBeVisible();
	await expect(
		statusTag(moved.filter({ hasNotText: oldWhen }), de['appointments.status_requested_participant'])
	).toBeVisible();

	// The declined home visit is in the past list; Sabine notes it.
	await page.goto(listPath);
	await page.getByText(de['appointments.past'], { exact: true }).click();
	const visit = card(page, de['appointments.kind_home_visit']);
	await expect(statusTag(visit, de['appointments.status_declined'])).toBeVisible();
	await visit.getByRole('link', { name: de['appointments.kind_home_visit'] }).click();
	const declined = history(page, de).filter({ hasText: de['appointments.event_declined'] });
	await expect(declined).toContainText(AMINA.name);
	await expect(declined.locator('blockquote')).toHaveText(DECLINE);
	await page.getByRole('button', { name: de['appointments.noted'] }).click();
	await expect(page).toHaveURL(new RegExp(`${listPath}/${UUID}\\?done=noted$`));
	await expectSuccess(page, de['appointments.done_noted']);
	await expect(history(page, de).filter({ hasText: de['appointments.event_noted'] })).toContainText('Sabine Keller');
});

test('an appointment goes into the phone’s calendar: the .ics file and the private calendar feed', async ({
	browser
}) => {
	const amina = await phone(browser, AMINA.username);
	const a = amina.page;
	try {
		// The .ics of her next appointment, in Berlin time with the zone's rules.
		const listPath = await openOwnAppointments(a, ar);
		const next = a.getByRole('region', { name: ar['appointments.upcoming'], exact: true }).getByRole('article').first();
		const title = (await next.getByRole('heading', { level: 3 }).innerText()).trim();
		await next.getByRole('link', { name: title }).click();
		await expect(a).toHaveURL(new RegExp(`${listPath}/${UUID}$`));
		const appointmentId = new URL(a.url()).pathname.split('/').pop()!;
		const start = await startOf(detailCard(a));
		const shown = detailCard(a).locator('time');
		const wall = berlinWall(start);

		const [download] = await Promise.all([
			a.waitForEvent('download'),
			a.getByRole('link', { name: ar['appointments.download_ics'] }).click()
		]);
		expect(download.suggestedFilename()).toMatch(/\.ics$/);
		const calendar = new ICAL.Component(ICAL.parse(await readFile((await download.path())!, 'utf8')));
		const zone = calendar.getFirstSubcomponent('vtimezone');
		expect(zone?.getFirstPropertyValue('tzid')).toBe(TZ);
		const vevent = calendar.getFirstSubcomponent('vevent')!;
		expect(vevent.getFirstProperty('dtstart')?.getParameter('tzid')).toBe(TZ);
		// The file brings its own zone rules; a calendar app reads the times with them.
		ICAL.TimezoneService.register(zone!);
		const event = new ICAL.Event(vevent);
		expect(event.uid).toBe(`${appointmentId}@tandem`);
		expect(event.summary).toBe(title);
		expect(event.startDate.zone?.tzid).toBe(TZ);
		// The clock time the page shows (DTSTART;TZID=Europe/Berlin:…T160000 for 16:00)…
		expect(event.startDate.toString().slice(0, 16)).toBe(`${wall.date}T${wall.time}`);
		// …and, by the zone's rules, the very same instant.
		expect(event.startDate.toJSDate().getTime()).toBe(start.getTime());
		await expect(shown).toHaveText(timeRange('ar', start, event.endDate.toJSDate()));

		// The private feed: made once, readable without signing in, renewed, stopped.
		await a.goto('/reminders');
		const section = a.getByRole('region', { name: ar['appointments.calendar_title'], exact: true });
		await section.getByRole('button', { name: ar['appointments.calendar_new'] }).click();
		await expect(section.getByRole('status')).toHaveText(ar['appointments.calendar_shown_once']);
		const address = section.getByRole('textbox', { name: ar['appointments.calendar_title'] });
		const first = await address.inputValue();
		expect(first).toMatch(/^http:\/\/[^/]+\/calendar\/[a-z2-7]{20,64}$/);

		const calendarApp = await request.newContext();
		try {
			const response = await calendarApp.get(first);
			expect(response.status()).toBe(200);
			expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
			const feed = new ICAL.Component(ICAL.parse(await response.text()));
			const uids = feed.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('uid'));
			expect(uids).toContain(`${appointmentId}@tandem`);

			// A new address: the old one stops at once.
			await section.getByRole('button', { name: ar['appointments.calendar_renew'] }).click();
			await expect(section.getByRole('status')).toHaveText(ar['appointments.calendar_shown_once']);
			await expect(address).not.toHaveValue(first);
			const second = await address.inputValue();
			expect((await calendarApp.get(first)).status()).toBe(404);
			expect((await calendarApp.get(second)).status()).toBe(200);

			// Stopped: no address works.
			await section.getByRole('button', { name: ar['appointments.calendar_stop'], exact: true }).click();
			await a.getByRole('dialog').getByRole('button', { name: ar['appointments.calendar_stop_confirm'] }).click();
			await expect(a).toHaveURL(/\/reminders\?done=feed_stopped$/);
			await expectSuccess(a, ar['appointments.calendar_stopped']);
			expect((await calendarApp.get(second)).status()).toBe(404);
			await expect(section.getByRole('button', { name: ar['appointments.calendar_new'] })).toBeVisible();
		} finally {
			await calendarApp.dispose();
		}
	} finally {
		await amina.context.close();
	}
});

test('Amina sees the reminder of her doctor appointment, dismisses it, and chooses which reminders she gets', async ({
	browser
}) => {
	const amina = await phone(browser, AMINA.username);
	const a = amina.page;
	try {
		// The reminder a day before, stored when the server started: what, and the day as people say it
		// ("today" for this afternoon, "tomorrow" for tomorrow morning) with the time.
		await a.goto('/appointments');
		const doctor = await startOf(card(a, DOCTOR_TITLE));
		expect([0, 1]).toContain(daysFromToday(doctor));
		const reminderTitle = fill(ar['reminders.appointment_day'], {
			// A typed title inside the sentence is isolated (see onScreen in src/lib/i18n/translator.ts).
			what: isolated(DOCTOR_TITLE),
			day: relativeDay('ar', doctor),
			time: clock('ar', doctor)
		});
		// On her appointments, her home page and the reminders page, in Arabic.
		const onList = a
			.getByRole('region', { name: ar['reminders.title'], exact: true })
			.getByRole('listitem')
			.filter({ hasText: reminderTitle });
		await expect(onList.getByRole('link', { name: reminderTitle, exact: true })).toBeVisible();
		await a.goto('/home');
		const onHome = a
			.getByRole('region', { name: ar['reminders.title'], exact: true })
			.getByRole('listitem')
			.filter({ hasText: reminderTitle });
		await expect(onHome).toHaveCount(1);
		await expect(onHome.getByRole('link', { name: reminderTitle, exact: true })).toBeVisible();
		await expect(onHome).toContainText(timeRange('ar', doctor, new Date(doctor.getTime() + 30 * MINUTE)));
		await expect(onHome).toContainText('Kinderarztpraxis Dr. Yılmaz');
		await expect(onHome).toContainText(ar['appointments.bring_health_card']);

		await a.goto('/reminders');
		await expect(a.getByRole('heading', { level: 1, name: ar['reminders.title'] })).toBeVisible();
		const onPage = a.getByRole('main').getByRole('listitem').filter({ hasText: reminderTitle });
		await expect(onPage).toHaveCount(1);
		// The reminder leads to the appointment.
		await onPage.getByRole('link', { name: reminderTitle, exact: true }).click();
		await expect(a).toHaveURL(new RegExp(`/participants/${UUID}/appointments/${UUID}$`));
		await expect(a.getByRole('heading', { level: 1, name: DOCTOR_TITLE })).toBeVisible();

		// Dismissed on the home page: gone there and on the reminders page.
		await a.goto('/home');
		await onHome.getByRole('button', { name: ar['reminders.dismiss'] }).click();
		await expect(a).toHaveURL(/\/home$/);
		await expect(onHome).toHaveCount(0);
		await a.goto('/reminders');
		await expect(onPage).toHaveCount(0);
		// The appointment itself stays.
		await a.goto('/appointments');
		await expect(card(a, DOCTOR_TITLE)).toBeVisible();

		// No reminder two hours before: saved, and still off after a reload.
		await a.goto('/reminders');
		const twoHours = a.getByRole('checkbox', { name: ar['reminders.offset_2h'] });
		const oneDay = a.getByRole('checkbox', { name: ar['reminders.offset_1d'] });
		await expect(twoHours).toBeChecked();
		await twoHours.uncheck();
		await a.getByRole('button', { name: ar['reminders.save'], exact: true }).click();
		await expect(a).toHaveURL(/\/reminders\?done=saved$/);
		await expectSuccess(a, ar['reminders.saved']);
		await a.reload();
		await expect(twoHours).not.toBeChecked();
		await expect(oneDay).toBeChecked();
		await expect(a.getByRole('checkbox', { name: ar['reminders.offset_8w'] })).toBeChecked();
	} finally {
		// Back as the demo has it: every reminder on.
		await a.goto('/reminders');
		await a.getByRole('checkbox', { name: ar['reminders.offset_2h'] }).check();
		await a.getByRole('button', { name: ar['reminders.save'], exact: true }).click();
		await expect(a).toHaveURL(/\/reminders\?done=saved$/);
		await amina.context.close();
	}
});

test('only the person, their caseworker and a volunteer with appointment consent open the appointments; everyone else gets not found', async ({
	browser,
	baseURL
}) => {
	test.slow();
	const aminaId = await participantId(baseURL!, AMINA.username);
	const aminaList = appointmentsPath(aminaId);
	// One of Amina's appointments, as her caseworker sees it.
	const sabine = await signedInContext(browser, 'caseworker', { locale: 'de-DE' });
	let detail: string;
	try {
		await sabine.page.goto(aminaList);
		await expect(
			sabine.page.getByRole('heading', { level: 1, name: fill(de['appointments.of'], { name: AMINA.name }) })
		).toBeVisible();
		const href = await card(sabine.page, DOCTOR_TITLE).getByRole('link', { name: DOCTOR_TITLE }).getAttribute('href');
		expect(href).toMatch(new RegExp(`^${aminaList}/${UUID}$`));
		detail = href!;
	} finally {
		await sabine.context.close();
	}

	// Ulrike may read Amina's plan and contact details, but not her appointments.
	const ulrike = await signedInContext(browser, 'volunteer', { locale: 'de-DE' });
	try {
		await ulrike.page.goto(`/helping/${aminaId}`);
		await expect(ulrike.page.getByRole('link', { name: de['helping.open_plan'] })).toBeVisible();
		await expect(ulrike.page.getByRole('link', { name: de['helping.open_appointments'] })).toHaveCount(0);
		for (const url of [aminaList, detail, `${aminaList}/new`]) await expectNotFound(ulrike.page, url);
		await expectNoCalendar(ulrike.page, `${detail}/calendar.ics`);
	} finally {
		await ulrike.context.close();
	}

	// Caseworkers who do not work with Amina: another organisation's, and a colleague in the same county.
	for (const username of ['caseworker2', 'caseworker3']) {
		const other = await signedInContext(browser, username, { locale: 'de-DE' });
		try {
			for (const url of [aminaList, detail, `${aminaList}/new`]) await expectNotFound(other.page, url);
		} finally {
			await other.context.close();
		}
	}

	// Another participant of Sabine's: Selam gets not found, also for the calendar file and the booking page.
	const selam = await phone(browser, SELAM.username);
	try {
		for (const url of [aminaList, detail, `${aminaList}/book`, `${aminaList}/new`]) {
			await expectNotFound(selam.page, url, ti);
		}
		await expectNoCalendar(selam.page, `${detail}/calendar.ics`);
	} finally {
		await selam.context.close();
	}

	// Peter goes along with Zahra to the Jobcenter: by her consent he sees her appointments, acting for her.
	const peter = await signedInContext(browser, 'volunteer2', { locale: 'de-DE' });
	try {
		const p = peter.page;
		await p.goto('/helping');
		await p.getByRole('link', { name: ZAHRA.name }).click();
		await p.getByRole('link', { name: de['helping.open_appointments'] }).click();
		await expect(p).toHaveURL(APPOINTMENTS_URL);
		await expect(p.getByRole('note')).toHaveText(fill(de['helping.acting_for'], { name: ZAHRA.name }));
		await expect(
			p.getByRole('heading', { level: 1, name: fill(de['appointments.of'], { name: ZAHRA.name }) })
		).toBeVisible();
		const jobcenter = card(p, de['appointments.kind_jobcenter']);
		await expect(jobcenter).toContainText(fill(de['appointments.companion'], { name: 'Peter Hoffmann' }));
		await expect(statusTag(jobcenter, de['appointments.status_requested_staff'])).toBeVisible();
		// Only the person books office hours; he may add an appointment for her ("appointments edit").
		await expect(p.getByRole('link', { name: de['appointments.book'] })).toHaveCount(0);
		await expect(p.getByRole('link', { name: de['appointments.add_own'] })).toBeVisible();
		await jobcenter.getByRole('link', { name: de['appointments.kind_jobcenter'] }).click();
		await expect(p.getByRole('note')).toHaveText(fill(de['helping.acting_for'], { name: ZAHRA.name }));
		await expect(history(p, de).filter({ hasText: de['appointments.event_change_requested'] })).toContainText(
			ZAHRA.name
		);
		const zahraList = new URL(p.url()).pathname.replace(new RegExp(`/${UUID}$`), '');
		await expectNotFound(p, `${zahraList}/book`);
		// And nothing of Amina's.
		await expectNotFound(p, aminaList);
	} finally {
		await peter.context.close();
	}
});

test.describe('axe: no WCAG 2.1 A/AA violations on the appointment pages', () => {
	test('staff pages in German and Arabic (the list, an appointment, a new one, office hours)', async ({
		page,
		baseURL
	}) => {
		test.slow();
		await signIn(page, 'caseworker');
		const listPath = await openAppointmentsAsStaff(page, AMINA);
		const detail = await card(page, DOCTOR_TITLE).getByRole('link', { name: DOCTOR_TITLE }).getAttribute('href');
		for (const locale of ['de', 'ar'] as const) {
			// Staff have no saved language: the cookie decides.
			if (locale === 'ar') await page.context().addCookies([{ name: 'tandem_locale', value: 'ar', url: baseURL! }]);
			for (const path of [listPath, detail!, `${listPath}/new`, '/office-hours']) {
				await page.goto(path);
				await expectDocumentLanguage(page, locale);
				await openAllDetails(page);
				await expectNoAxeViolations(page, `${path} (staff, ${locale})`);
			}
		}
	});

	test.describe('on a phone', () => {
		test.use({ ...PHONE });

		test("a participant's pages in Arabic and German (the list, an appointment, a new one, booking, reminders)", async ({
			page
		}) => {
			test.slow();
			await signIn(page, AMINA.username);
			try {
				for (const locale of ['ar', 'de'] as const) {
					if (locale === 'de') await switchLanguage(page, 'de');
					await page.goto('/appointments');
					await expect(page).toHaveURL(APPOINTMENTS_URL);
					const listPath = new URL(page.url()).pathname;
					const detail = await card(page, DOCTOR_TITLE).getByRole('link', { name: DOCTOR_TITLE }).getAttribute('href');
					for (const path of [listPath, detail!, `${listPath}/new`, `${listPath}/book`, '/reminders']) {
						await page.goto(path);
						await expectDocumentLanguage(page, locale);
						await openAllDetails(page);
						await expectNoAxeViolations(page, `${path} (participant, ${locale})`);
					}
				}
			} finally {
				// Amina reads Arabic: leave her account as the demo has it.
				const restored = await page.request.post('/language', {
					form: { locale: 'ar', returnTo: '/home' },
					headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
					maxRedirects: 0
				});
				expect(restored.status()).toBe(303);
			}
		});
	});
});

test('keyboard only: Zahra picks a free time and sends the booking without a mouse', async ({ browser }) => {
	const zahra = await signedInContext(browser, ZAHRA.username);
	const z = zahra.page;
	try {
		await expectDocumentLanguage(z, 'fa');
		const listPath = await openOwnAppointments(z, fa);
		await z.goto(`${listPath}/book`);
		await expect(z.getByRole('heading', { level: 1, name: fa['appointments.book_title'] })).toBeVisible();
		const radios = slotRadios(z);
		expect(await radios.count()).toBeGreaterThan(1);

		// Tab from the top of the page to the first time.
		const focusedRadio = async () =>
			z.evaluate(() =>
				document.activeElement instanceof HTMLInputElement && document.activeElement.type === 'radio'
					? document.activeElement.value
					: null
			);
		let focused: string | null = null;
		for (let i = 0; i < 40 && focused === null; i++) {
			await z.keyboard.press('Tab');
			focused = await focusedRadio();
		}
		expect(focused, 'a time can be reached with Tab').toBe(await radios.first().getAttribute('value'));
		// The arrow keys move to the next time and choose it.
		await z.keyboard.press('ArrowDown');
		const second = radios.nth(1);
		await expect(second).toBeFocused();
		await expect(second).toBeChecked();
		await expect(radios.first()).not.toBeChecked();
		const slotId = await second.getAttribute('value');
		// A space keeps it chosen; Tab leaves the group for the message, then the send button.
		await z.keyboard.press('Space');
		await expect(second).toBeChecked();
		await z.keyboard.press('Tab');
		// Past "more days" (the later weeks, folded away) to the message.
		const moreDays = z.getByText(fa['appointments.more_days'], { exact: true });
		if ((await moreDays.count()) > 0) {
			await expect(moreDays).toBeFocused();
			await z.keyboard.press('Tab');
		}
		const message = z.getByRole('textbox', { name: fa['appointments.message'] });
		await expect(message).toBeFocused();
		await z.keyboard.type('تلفنی هم می‌توانم.');
		await z.keyboard.press('Tab');
		await expect(z.getByRole('button', { name: fa['appointments.book_submit'] })).toBeFocused();
		await z.keyboard.press('Enter');
		await expect(z).toHaveURL(DETAIL_URL(listPath, 'booked'));
		await expectSuccess(z, fa['appointments.done_booked']);
		await expect(history(z, fa).filter({ hasText: 'تلفنی هم می‌توانم.' })).toBeVisible();
		// The time booked is the one chosen: it is no longer offered.
		await z.goto(`${listPath}/book`);
		await expect(z.locator(`input[type=radio][value="${slotId}"]`)).toHaveCount(0);
	} finally {
		await zahra.context.close();
	}
});

test('the caseworker changes where an appointment is, without moving it; Zahra sees the new place on her phone in Farsi', async ({
	page,
	browser
}) => {
	const ROOM = 'Jobcenter Ludwigsburg, Eingang C, Zimmer 0.12';
	await signIn(page, 'caseworker');
	await openAppointmentsAsStaff(page, ZAHRA);
	const jobcenter = card(page, de['appointments.kind_jobcenter']);
	const when = await jobcenter.locator('time').textContent();
	await jobcenter.getByRole('link', { name: de['appointments.kind_jobcenter'] }).click();

	await page.getByText(de['appointments.edit_details'], { exact: true }).click();
	const place = page.getByLabel(de['appointments.place'], { exact: true });
	await expect(place).toHaveValue('Jobcenter Landkreis Ludwigsburg');
	await place.fill(ROOM);
	await page.getByLabel(de['appointments.bring_photo'], { exact: true }).check();
	await page.getByRole('button', { name: de['appointments.save'], exact: true }).click();

	await expect(page.getByRole('status')).toHaveText(de['appointments.done_updated']);
	const details = detailCard(page);
	await expect(details.getByText(ROOM, { exact: true })).toBeVisible();
	await expect(details.locator('time')).toHaveText(when!);
	await expect(history(page, de).last()).toContainText(de['appointments.event_updated']);
	// Who goes along is kept.
	await expect(details.getByText('Peter Hoffmann', { exact: true })).toBeVisible();

	const { context, page: zahra } = await phone(browser, ZAHRA.username);
	await zahra.goto('/appointments');
	const hers = card(zahra, fa['appointments.kind_jobcenter']);
	await expect(hers.getByText(ROOM)).toBeVisible();
	await expect(hers.getByText(fa['appointments.bring_photo'])).toBeVisible();
	await context.close();
});
