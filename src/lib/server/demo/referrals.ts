import { asc, eq } from 'drizzle-orm';
import { saveAssessment, type AssessmentInput } from '../cases/assessment';
import { db } from '../db';
import { goals } from '../db/schema';
import { writeNote } from '../notes';
import { caseWorkAccess, type Actor } from '../policy';
import { changeReferralStatus, makeReferral } from '../referrals';
import { addService, type ServiceInput } from '../referrals/directory';

type Person = { id: string; caseworker: Actor | null };

// Invented addresses and numbers in the right places; the Jobcenter's name is the one Amina's paper consent names.
const DIRECTORY: ServiceInput[] = [
	[
		'jobcenter',
		'Jobcenter Landkreis Ludwigsburg',
		'Mömpelgardstraße 24, 71640 Ludwigsburg',
		'07141 9757-0',
		'jobcenter-landkreis-ludwigsburg@jobcenter-ge.example',
		'Eingangszone Mo–Fr 8–12 Uhr; Termine nach Vereinbarung'
	],
	[
		'employment_agency',
		'Agentur für Arbeit Ludwigsburg',
		'Stuttgarter Straße 53, 71638 Ludwigsburg',
		'0800 4 5555 00',
		'ludwigsburg@arbeitsagentur.example',
		'Berufsberatung und Anerkennungsberatung'
	],
	[
		'mbe',
		'Migrationsberatung für Erwachsene (MBE) – Caritas Ludwigsburg-Waiblingen-Enz',
		'Eberhardstraße 29, 71634 Ludwigsburg',
		'07141 9711-40',
		'mbe@caritas-ludwigsburg.example',
		'Offene Sprechstunde Di 9–12 Uhr'
	],
	[
		'mbe',
		'Migrationsberatung für Erwachsene (MBE) – Kreisdiakonieverband Ludwigsburg',
		'Untere Marktstraße 3, 71634 Ludwigsburg',
		'07141 9542-0',
		'mbe@kdv-ludwigsburg.example',
		''
	],
	[
		'jmd',
		'Jugendmigrationsdienst (JMD) Ludwigsburg',
		'Schorndorfer Straße 31, 71638 Ludwigsburg',
		'07141 4887-22',
		'jmd@jmd-ludwigsburg.example',
		'Für junge Menschen von 12 bis 27 Jahren'
	],
	[
		'language_course',
		'Volkshochschule Ludwigsburg – Integrationskurse',
		'Stuttgarter Straße 4, 71638 Ludwigsburg',
		'07141 144-1300',
		'integration@vhs-ludwigsburg.example',
		'Einstufungstest jeden Mittwoch 14 Uhr'
	],
	[
		'language_course',
		'VHS Strohgäu – Deutschkurse Ditzingen',
		'Am Laien 4, 71254 Ditzingen',
		'07156 164-250',
		'deutsch@vhs-strohgaeu.example',
		'Auch Kurse mit Kinderbetreuung'
	],
	[
		'childcare_school',
		'Stadt Ditzingen – Zentrale Kita-Vormerkung',
		'Am Laien 1, 71254 Ditzingen',
		'07156 164-331',
		'kita@ditzingen.example',
		''
	],
	[
		'health',
		'Psychosoziales Zentrum für Geflüchtete (PSZ) Ludwigsburg',
		'Wilhelmstraße 10, 71638 Ludwigsburg',
		'07141 29983-0',
		'psz@psz-ludwigsburg.example',
		'Wartezeit derzeit etwa drei Monate; Dolmetschende werden gestellt'
	],
	[
		'health',
		'Gesundheitsamt Landkreis Ludwigsburg',
		'Hindenburgstraße 20/1, 71638 Ludwigsburg',
		'07141 144-1333',
		'gesundheitsamt@landkreis-ludwigsburg.example',
		''
	],
	[
		'debt_counselling',
		'Schuldnerberatung Landkreis Ludwigsburg (Kreisdiakonieverband)',
		'Untere Marktstraße 3, 71634 Ludwigsburg',
		'07141 9542-160',
		'schuldnerberatung@kdv-ludwigsburg.example',
		'Erstgespräch nach telefonischer Anmeldung'
	],
	[
		'return_counselling',
		'Rückkehrberatung Landratsamt Ludwigsburg',
		'Hindenburgstraße 40, 71638 Ludwigsburg',
		'07141 144-2277',
		'rueckkehr@landkreis-ludwigsburg.example',
		''
	],
	[
		'immigration_office',
		'Ausländerbehörde Landratsamt Ludwigsburg',
		'Hindenburgstraße 40, 71638 Ludwigsburg',
		'07141 144-2300',
		'auslaenderbehoerde@landkreis-ludwigsburg.example',
		'Nur mit Termin'
	],
	[
		'housing',
		'Stadt Ditzingen – Wohnraumvermittlung',
		'Am Laien 1, 71254 Ditzingen',
		'07156 164-210',
		'wohnen@ditzingen.example',
		''
	],
	[
		'volunteer_circle',
		'Helferkreis Asyl Ditzingen',
		'Gemeindehaus, Mittlere Straße 8, 71254 Ditzingen',
		'',
		'helferkreis@ditzingen-hilft.example',
		'Begleitung zu Behörden, Hausaufgabenhilfe'
	],
	[
		'other',
		'Tafelladen Ditzingen',
		'Gerlinger Straße 12, 71254 Ditzingen',
		'07156 95 77 10',
		'',
		'Einkaufsausweis über das Sozialamt'
	]
].map(([target, name, address, phone, email, note]) => ({
	target: target as ServiceInput['target'],
	name,
	address,
	phone,
	email,
	note
}));

/** The county's directory: the services integration managers in Landkreis Ludwigsburg refer people to. */
export async function seedDemoDirectory(admin: Actor, countyId: string): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	for (const entry of DIRECTORY) ids.set(entry.name, (await addService(admin, countyId, entry))!);
	return ids;
}

const ENTRY: Record<'ar' | 'ti' | 'fa', Omit<AssessmentInput, 'note'> & { note: string }> = {
	ar: {
		germanLevel: 'a2',
		schooling: 'secondary',
		recognition: 'in_progress',
		work: 'language_course',
		housing: 'follow_up_housing',
		benefits: 'sgb2',
		childrenCare: 'looking',
		residenceStatus: 'refugee',
		residenceExpiresOn: '2027-06-30',
		note: 'Ausbildung als Schneiderin in Aleppo; Anerkennung über die IHK FOSA angefragt.'
	},
	ti: {
		germanLevel: 'a1',
		schooling: 'primary',
		recognition: 'not_needed',
		work: 'job_search',
		housing: 'shared_housing',
		benefits: 'sgb2',
		childrenCare: 'no_children',
		residenceStatus: 'subsidiary_protection',
		residenceExpiresOn: '2026-12-15',
		note: ''
	},
	fa: {
		germanLevel: 'none',
		schooling: 'university',
		recognition: 'not_started',
		work: 'none',
		housing: 'follow_up_housing',
		benefits: 'asylblg',
		childrenCare: 'all_placed',
		residenceStatus: 'gestattung',
		residenceExpiresOn: null,
		note: 'Lehramtsstudium in Herat; Zeugnisse liegen im Original vor.'
	}
};

/** Entry assessments, referrals in different states and a few notes for the three showcase participants. */
export async function seedDemoCaseWork(showcase: Record<'ar' | 'ti' | 'fa', Person>, services: Map<string, string>) {
	for (const key of ['ar', 'ti', 'fa'] as const) {
		const person = showcase[key];
		if (person.caseworker === null) continue;
		const access = await caseWorkAccess(person.caseworker, person.id);
		if (access === null) continue;
		saveAssessment(access, 'entry', ENTRY[key], 0);
		const refer = async (
			name: string,
			sharesData: boolean,
			note: string,
			path: ('accepted' | 'attended' | 'failed')[]
		) => {
			const made = await makeReferral(access, { serviceId: services.get(name)!, sharesData, note });
			if (!made.ok) return;
			let seen = { status: 'made', version: 1 };
			for (const to of path) {
				await changeReferralStatus(access, made.id, to, seen);
				seen = { status: to, version: seen.version + 1 };
			}
		};
		if (key === 'ar') {
			// Amina's paper consent names the Jobcenter: this referral passes her data on.
			await refer('Jobcenter Landkreis Ludwigsburg', true, 'Bürgergeld-Weiterbewilligung, Unterlagen vorab gemailt', [
				'accepted'
			]);
			await refer('Volkshochschule Ludwigsburg – Integrationskurse', false, 'Einstufungstest', [
				'accepted',
				'attended'
			]);
			const [goal] = await db
				.select({ id: goals.id })
				.from(goals)
				.where(eq(goals.participantId, person.id))
				.orderBy(asc(goals.position))
				.limit(1);
			writeNote(access, {
				subject: goal === undefined ? 'case' : 'goal',
				goalId: goal?.id ?? null,
				contactId: null,
				body: 'Bitte bringen Sie zum Termin beim Jobcenter den Mietvertrag und die Kontoauszüge der letzten drei Monate mit.',
				language: 'de',
				sharedWithParticipant: true,
				sensitive: false
			});
			writeNote(access, {
				subject: 'case',
				goalId: null,
				contactId: null,
				body: 'Ehemann wartet auf Familiennachzug; Botschaftstermin in Beirut noch offen.',
				language: 'de',
				sharedWithParticipant: false,
				sensitive: false
			});
		}
		if (key === 'ti') {
			await refer(
				'Migrationsberatung für Erwachsene (MBE) – Caritas Ludwigsburg-Waiblingen-Enz',
				false,
				'Übergang nach Ende der Betreuung vorbereiten',
				[]
			);
			await refer('Agentur für Arbeit Ludwigsburg', false, '', ['failed']);
		}
		if (key === 'fa') {
			await refer('Psychosoziales Zentrum für Geflüchtete (PSZ) Ludwigsburg', false, 'Selbst angemeldet, Wartezeit', [
				'accepted'
			]);
			writeNote(access, {
				subject: 'case',
				goalId: null,
				contactId: null,
				body: 'Berichtet von Schlafstörungen und Albträumen seit der Flucht; möchte nicht, dass der Ehemann davon erfährt. PSZ-Termin angeregt.',
				language: 'de',
				sharedWithParticipant: false,
				sensitive: true
			});
		}
	}
}
