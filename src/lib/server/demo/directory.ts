import type { ServiceInput } from '../referrals/directory';

// Invented addresses and numbers in the right places; the Jobcenter's name is the one Amina's paper consent names.
export const DIRECTORY: ServiceInput[] = [
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
