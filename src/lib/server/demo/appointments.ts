import { acceptGrant, grantConsent } from '../consent';
import { changeAppointment, createAppointment } from '../appointments';
import type { AppointmentInput } from '../appointments/schema';
import { addOfficeHours, bookSlot, freeSlotsFor } from '../appointments/slots';
import { addDays, berlinParts, berlinWallTime } from '../appointments/time';
import { systemAccess, type Actor } from '../policy';

type Person = { id: string; caseworker: Actor | null; self: Actor | null };
const HOUR = 60 * 60 * 1000;

/** The German date `days` from now and a clock time, as appointment form fields. */
function at(days: number, start: string, end: string) {
	return { date: addDays(berlinParts(new Date()).date, days), start, end };
}

/**
 * A daytime appointment less than a day away (this afternoon or tomorrow morning), so a "tomorrow" reminder
 * is due as soon as the demo starts.
 */
function soon(): { date: string; start: string; end: string } {
	const today = berlinParts(new Date()).date;
	const candidates = [at(0, '16:00', '16:30'), at(1, '08:30', '09:00'), at(1, '10:30', '11:00')];
	const inReach = (c: { date: string; start: string }) => {
		const wall = berlinWallTime(c.date, c.start);
		const ahead = wall.ok ? wall.at.getTime() - Date.now() : -1;
		return ahead > 2 * HOUR && ahead < 24 * HOUR;
	};
	return candidates.find(inReach) ?? { date: addDays(today, 1), start: '10:30', end: '11:00' };
}

/** The next date (from tomorrow on) that falls on `weekday` (0 = Sunday). */
function next(weekday: number): string {
	let date = addDays(berlinParts(new Date()).date, 1);
	while (new Date(`${date}T12:00:00Z`).getUTCDay() !== weekday) date = addDays(date, 1);
	return date;
}

const blank: Omit<AppointmentInput, 'kind' | 'date' | 'start' | 'end'> = {
	title: '',
	place: '',
	address: '',
	directions: '',
	bring: [],
	bringNote: '',
	note: '',
	companionId: '',
	staffTakesPart: '',
	agreed: ''
};

/**
 * Appointments for the showcase participants, made through the same domain functions the pages use:
 * Amina has one to answer, one tomorrow (so a reminder is waiting) and a past one; Selam has booked office
 * hours the caseworker still has to confirm; Zahra asked for another Jobcenter time, and Peter goes along.
 */
export async function seedDemoAppointments(
	showcase: { ar: Person; ti: Person; fa: Person },
	volunteer2: { id: string }
) {
	const { ar, ti, fa } = showcase;
	const sabine = ar.caseworker;
	if (sabine === null || ar.self === null) return;
	for (const weekday of [2, 4]) {
		await addOfficeHours(sabine, {
			date: next(weekday),
			start: '09:00',
			end: '12:00',
			length: 30,
			weeks: 3,
			mode: 'office',
			place: 'Landratsamt Ludwigsburg, Zimmer 2.14'
		});
	}
	await addOfficeHours(sabine, {
		date: next(3),
		start: '14:00',
		end: '15:00',
		length: 20,
		weeks: 3,
		mode: 'phone',
		place: ''
	});

	await createAppointment(ar.self, ar.id, {
		...blank,
		kind: 'doctor',
		title: 'طبيب الأطفال – فحص ليلى',
		...soon(),
		place: 'Kinderarztpraxis Dr. Yılmaz',
		address: 'Marktstraße 3, 71254 Ditzingen',
		bring: ['health_card']
	});
	await createAppointment(sabine, ar.id, {
		...blank,
		kind: 'immigration_office',
		title: 'Verlängerung Aufenthaltserlaubnis',
		...at(3, '09:00', '09:30'),
		place: 'Landratsamt Ludwigsburg, Ausländerbehörde',
		address: 'Hindenburgstraße 40, 71638 Ludwigsburg',
		directions: 'Bus 421 bis Haltestelle Landratsamt. Eingang B, 2. Stock, Wartebereich Zimmer 2.10.',
		bring: ['passport', 'residence_permit', 'photo', 'letter'],
		bringNote: 'Mietvertrag und aktuelle Gehaltsabrechnung'
	});
	await createAppointment(sabine, ar.id, {
		...blank,
		kind: 'home_visit',
		...at(8, '14:00', '15:00'),
		staffTakesPart: 'yes',
		agreed: 'yes',
		note: 'Wir besprechen den Integrationsplan und die Kita-Anmeldung.'
	});
	const past = await createAppointment(sabine, ar.id, {
		...blank,
		kind: 'office_consultation',
		...at(-10, '10:00', '10:45'),
		place: 'Landratsamt Ludwigsburg, Zimmer 2.14',
		staffTakesPart: 'yes',
		agreed: 'yes'
	});
	if (past.ok) await changeAppointment(sabine, ar.id, past.id, 'done', '');

	if (ti.self !== null && ti.caseworker?.id === sabine.id) {
		const { slots } = await freeSlotsFor(systemAccess(ti.id, 'demo_seed'));
		const slot = slots[2];
		if (slot !== undefined) await bookSlot(ti.self, ti.id, slot.id, 'office_consultation', 'ብዛዕባ ቋንቋ ኮርስ ክንዛረብ ደልየ።');
	}

	if (fa.self !== null && fa.caseworker !== null) {
		const { code } = await grantConsent(fa.self, fa.id, {
			granteeKind: 'volunteer',
			granteeName: 'Peter (Patenschaftsprogramm)',
			purpose: 'همراهی در قرارهای اداری',
			scopes: ['appointments.read', 'appointments.edit'],
			months: 6,
			givenVia: 'app',
			noticeLocale: 'fa'
		});
		if (code !== null) {
			await acceptGrant({ id: volunteer2.id, role: 'volunteer', organisationId: null, participantId: null }, code);
		}
		const jobcenter = await createAppointment(fa.caseworker, fa.id, {
			...blank,
			kind: 'jobcenter',
			...at(6, '10:30', '11:00'),
			place: 'Jobcenter Landkreis Ludwigsburg',
			address: 'Mömpelgardstraße 2, 71640 Ludwigsburg',
			bring: ['passport', 'bank_details', 'rental_contract'],
			companionId: volunteer2.id
		});
		if (jobcenter.ok) {
			await changeAppointment(
				fa.self,
				fa.id,
				jobcenter.id,
				'ask_other_time',
				'صبح‌ها کلاس زبان دارم. بعدازظهر برایم بهتر است.'
			);
		}
	}
}
