import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import type { ContactForm, ContactKind, Interpreter, Topic } from '$lib/casework';
import { addDays, berlinParts } from '../appointments/time';
import { db } from '../db';
import {
	assignments,
	cases,
	contactPersons,
	contacts,
	contactTopics,
	networkingContacts,
	participants
} from '../db/schema';
import type { Actor } from '../policy';
import { networkingFor } from './networking';
import { between, pick, weighted, workingTime, type Rand } from './random-time';

type Person = { id: string; caseworker: Actor | null; self: Actor | null };
const DAY = 86_400_000;

const FORMS: [ContactForm, number][] = [
	['home_visit', 28],
	['office', 32],
	['phone', 24],
	['digital', 11],
	['accompanying', 5]
];
const MINUTES: Record<ContactForm, [number, number]> = {
	home_visit: [45, 90],
	office: [30, 60],
	phone: [5, 25],
	digital: [5, 15],
	accompanying: [60, 180]
};

/** What each showcase person's talks are about: her plan's fields and the matters her documents show. */
type Profile = { topics: Topic[]; interpreters: [Interpreter, number][]; notes: string[]; everyDays: number };
const PROFILES: Record<'ar' | 'ti' | 'fa', Profile> = {
	ar: {
		topics: ['language', 'language_course', 'education', 'childcare_school', 'money', 'benefits', 'social', 'work'],
		interpreters: [
			['professional', 4],
			['family', 3],
			['none', 2]
		],
		notes: [
			'Kita-Anmeldung für die Jüngste besprochen, Unterlagen mitgegeben.',
			'Brief vom Jobcenter erklärt, Weiterbewilligungsantrag gemeinsam ausgefüllt.',
			'Sprachkurs B1: Anmeldung bei der VHS vereinbart.',
			'Elternabend in der Schule vorbereitet.',
			'Kontakt zum Sportverein für die Kinder hergestellt.'
		],
		everyDays: 14
	},
	ti: {
		topics: ['training', 'recognition', 'housing', 'language', 'language_course', 'benefits'],
		interpreters: [
			['volunteer', 3],
			['none', 4]
		],
		notes: [
			'Ausbildungsplatz Pflegehelferin: Bewerbung durchgesehen.',
			'Zeugnis aus Eritrea: Anerkennungsberatung empfohlen.',
			'Wohnungssuche: Anzeigen durchgesehen, WBS-Antrag besprochen.',
			'Berufsschule: Stundenplan und Fahrtkosten geklärt.'
		],
		everyDays: 18
	},
	fa: {
		topics: ['health', 'residence', 'residence_law', 'family_reunification', 'money', 'internet'],
		interpreters: [
			['family', 3],
			['professional', 2],
			['none', 1]
		],
		notes: [
			'Arzttermin beim Facharzt vereinbart, Überweisung besprochen.',
			'Familiennachzug: Unterlagen für die Botschaft zusammengestellt.',
			'Ausländerbehörde: Verlängerung der Aufenthaltserlaubnis vorbereitet.',
			'WLAN in der Anschlussunterbringung: Antrag beim Vermieter.'
		],
		everyDays: 16
	}
};
const OTHER_PROFILE: Profile = {
	topics: [
		'language',
		'language_course',
		'work',
		'housing',
		'benefits',
		'money',
		'residence_law',
		'rent_debts',
		'leisure_networks'
	],
	interpreters: [
		['none', 5],
		['family', 2],
		['professional', 2],
		['volunteer', 1]
	],
	notes: [
		'',
		'',
		'Unterlagen nachgereicht.',
		'Termin beim Jobcenter vorbereitet.',
		'Mietrückstand: Ratenzahlung vereinbart.'
	],
	everyDays: 45
};

type ContactRow = typeof contacts.$inferInsert;

/** A year (or the time since the first contact) of contacts on one case, oldest first. */
function contactsFor(
	rand: Rand,
	person: { id: string; caseId: string; periodStartsOn: string | null; household: string[] },
	caseworkerId: string,
	profile: Profile,
	rows: { contact: ContactRow; persons: string[]; topics: Topic[] }[]
) {
	const started =
		person.periodStartsOn === null ? 365 : Math.floor((Date.now() - Date.parse(person.periodStartsOn)) / DAY);
	const from = Math.min(365, Math.max(started, 3));
	let first = started <= 365;
	for (let daysAgo = from; daysAgo >= 2; daysAgo -= between(rand, profile.everyDays - 5, profile.everyDays + 8)) {
		const form = first ? 'home_visit' : weighted(rand, FORMS);
		const kind: ContactKind = first ? 'first_talk' : rand() < 0.08 ? 'plan_talk' : 'follow_up';
		const occurredAt = workingTime(rand, daysAgo);
		const present =
			form === 'home_visit' || form === 'office'
				? person.household.filter((id) => id === person.id || rand() < 0.35)
				: [person.id];
		const count = between(rand, 1, 3);
		const topics = [...new Set(Array.from({ length: count }, () => pick(rand, profile.topics)))];
		const id = crypto.randomUUID();
		const recordedAt = new Date(occurredAt.getTime() + between(rand, 1, 26) * 3_600_000);
		rows.push({
			contact: {
				id,
				participantId: person.id,
				caseId: person.caseId,
				caseworkerId,
				occurredAt,
				durationMinutes: between(rand, ...MINUTES[form]),
				form,
				kind,
				interpreter: form === 'digital' ? 'none' : weighted(rand, profile.interpreters),
				note: rand() < 0.5 ? pick(rand, profile.notes) : '',
				noteLanguage: 'de',
				createdBy: caseworkerId,
				createdAt: recordedAt,
				updatedAt: recordedAt
			},
			persons: present.includes(person.id) ? present : [person.id, ...present],
			topics
		});
		first = false;
	}
}

/**
 * A year of contacts for the three showcase people and the rest of Sabine Keller's caseload (one case per
 * household) and her networking contacts, inserted in bulk. Amina's done office consultation (seeded with the
 * appointments) stays without a contact, for the work queue.
 */
export async function seedDemoContacts(
	showcase: { ar: Person; ti: Person; fa: Person },
	sabine: { id: string; organisationId: string | null },
	rand: Rand
) {
	if (sabine.organisationId === null) return;
	const caseload = await db
		.select({
			id: participants.id,
			householdId: participants.householdId,
			caseId: cases.id,
			periodStartsOn: cases.periodStartsOn
		})
		.from(assignments)
		.innerJoin(participants, eq(assignments.participantId, participants.id))
		.innerJoin(cases, eq(cases.participantId, participants.id))
		.where(and(eq(assignments.caseworkerId, sabine.id), isNull(assignments.endedAt)))
		.orderBy(asc(participants.familyName), asc(participants.givenName), asc(participants.birthDate));
	const householdIds = [...new Set(caseload.map((p) => p.householdId).filter((h) => h !== null))];
	const members =
		householdIds.length === 0
			? []
			: await db
					.select({ id: participants.id, householdId: participants.householdId })
					.from(participants)
					.where(inArray(participants.householdId, householdIds));
	const household = (p: { id: string; householdId: string | null }) =>
		p.householdId === null ? [p.id] : members.filter((m) => m.householdId === p.householdId).map((m) => m.id);

	const rows: { contact: ContactRow; persons: string[]; topics: Topic[] }[] = [];
	const seen = new Set<string>();
	const restarted: { caseId: string; on: string }[] = [];
	for (const [key, person] of Object.entries(showcase) as ['ar' | 'ti' | 'fa', Person][]) {
		const row = caseload.find((p) => p.id === person.id);
		if (row === undefined) continue;
		seen.add(row.householdId ?? row.id);
		// The showcase cases have run for over a year, so that their year of contacts fits inside the period.
		const yearAgo = addDays(berlinParts(new Date()).date, -380);
		if (row.periodStartsOn === null || row.periodStartsOn > yearAgo) {
			restarted.push({ caseId: row.caseId, on: yearAgo });
		}
		const periodStartsOn = row.periodStartsOn === null || row.periodStartsOn > yearAgo ? yearAgo : row.periodStartsOn;
		contactsFor(rand, { ...row, periodStartsOn, household: household(row) }, sabine.id, PROFILES[key], rows);
	}
	for (const row of caseload) {
		if (seen.has(row.householdId ?? row.id)) continue;
		seen.add(row.householdId ?? row.id);
		contactsFor(rand, { ...row, household: household(row) }, sabine.id, OTHER_PROFILE, rows);
	}
	const networking = networkingFor(rand, { id: sabine.id, organisationId: sabine.organisationId });
	db.transaction((tx) => {
		for (const { caseId, on } of restarted) {
			tx.update(cases).set({ periodStartsOn: on }).where(eq(cases.id, caseId)).run();
		}
		for (let i = 0; i < rows.length; i += 200) {
			const chunk = rows.slice(i, i + 200);
			tx.insert(contacts)
				.values(chunk.map((r) => r.contact))
				.run();
			tx.insert(contactPersons)
				.values(chunk.flatMap((r) => r.persons.map((participantId) => ({ contactId: r.contact.id!, participantId }))))
				.run();
			tx.insert(contactTopics)
				.values(chunk.flatMap((r) => r.topics.map((topic) => ({ contactId: r.contact.id!, topic }))))
				.run();
		}
		for (let i = 0; i < networking.length; i += 200) {
			tx.insert(networkingContacts)
				.values(networking.slice(i, i + 200))
				.run();
		}
	});
}
