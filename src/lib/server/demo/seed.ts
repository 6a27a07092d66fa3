import { eq } from 'drizzle-orm';
import type { Gender, ResidenceStatus } from '$lib/domain';
import type { Locale } from '$lib/i18n/locales';
import { hashPassword } from '../auth/password';
import { openCaseIn } from '../cases/rows';
import { seedDemoOutcomes } from './outcomes';
import { seedDemoCases } from './cases';
import { db, migrateDatabase } from '../db';
import { assignments, households, organisations, participants, users } from '../db/schema';
import { NAMES } from './names';
import { seedDemoAppointments } from './appointments';
import { seedDemoConsents } from './consents';
import { seedDemoContacts } from './contacts';
import { seedDemoCovers } from './covers';
import { seedDemoDocuments } from './documents';
import { seedDemoPlans } from './plans';
import { seedDemoRetention } from './retention';
import { seedDemoCaseWork, seedDemoDirectory } from './referrals';
import { syncShippedCatalogue } from '../plans/catalogue';

export const DEMO_PASSWORD = 'tandem-demo';

// Deterministic, so every demo shows the same people and tests can rely on them.
function prng(seed: number) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

function weighted<T>(rand: () => number, options: [T, number][]): T {
	const total = options.reduce((sum, [, w]) => sum + w, 0);
	let r = rand() * total;
	for (const [value, weight] of options) {
		r -= weight;
		if (r < 0) return value;
	}
	return options[options.length - 1][0];
}

const pick = <T>(rand: () => number, list: readonly T[]) => list[Math.floor(rand() * list.length)];

const LANGUAGE_WEIGHTS: [Locale, number][] = [
	['ar', 45],
	['fa', 25],
	['ti', 20],
	['en', 6],
	['de', 4]
];
// Where people of each language come from, for the key figures' nationalities (ISO 3166-1 alpha-2).
const NATIONALITIES: Record<Locale, [string, number][]> = {
	ar: [
		['SY', 65],
		['IQ', 35]
	],
	fa: [
		['AF', 75],
		['IR', 25]
	],
	ti: [['ER', 1]],
	en: [
		['NG', 60],
		['GM', 40]
	],
	de: [
		['UA', 60],
		['TR', 40]
	]
};
const GENDER_WEIGHTS: [Gender | null, number][] = [
	['female', 47],
	['male', 47],
	['diverse', 1],
	[null, 5]
];

const STATUS_WEIGHTS: [ResidenceStatus, number][] = [
	['refugee', 35],
	['subsidiary_protection', 25],
	['asylum', 5],
	['other_permit', 8],
	['family_reunification', 10],
	['gestattung', 10],
	['duldung', 7]
];

/** Seeds the demo installation once; a second run finds the admin and leaves everything as it is. */
export async function seedDemo(): Promise<boolean> {
	// The seeder also runs outside the server (tests, scripts): it brings its own schema up to date.
	migrateDatabase();
	const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'admin'));
	if (existing !== undefined) return false;
	await syncShippedCatalogue();
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	const rand = prng(2017);
	// Gender and nationality from a stream of their own, so adding them moved no other random choice.
	const facts = prng(1951);
	const org = (name: string, kind: 'county' | 'town' | 'welfare', countyId: string | null = null) => ({
		id: crypto.randomUUID(),
		name,
		kind,
		countyId
	});
	const county = org('Landkreis Ludwigsburg', 'county');
	const ditzingen = org('Stadt Ditzingen', 'town', county.id);
	const hemmingen = org('Gemeinde Hemmingen', 'town', county.id);
	const caritas = org('Caritas Ludwigsburg', 'welfare', county.id);
	const districts: Record<string, string[]> = {
		[ditzingen.id]: ['Kernstadt', 'Heimerdingen', 'Hirschlanden', 'Schöckingen'],
		[hemmingen.id]: ['Ortsmitte', 'Hemmingen-Nord']
	};
	const staff = (
		username: string,
		displayName: string,
		role: 'admin' | 'lead' | 'caseworker' | 'volunteer' | 'coordinator',
		organisationId: string | null,
		phone: string | null = null
	) => ({
		id: crypto.randomUUID(),
		username,
		displayName,
		role,
		organisationId,
		passwordHash,
		phone,
		email: role === 'caseworker' ? `${username}@tandem.example` : null
	});
	// Posts as counties staff them: a full-time, a three-quarter and a half post (Leyla's list runs over 1:80).
	const caseworker = {
		...staff('caseworker', 'Sabine Keller', 'caseworker', county.id, '07141 144-2201'),
		fullTimeEquivalent: 100
	};
	const caseworker2 = {
		...staff('caseworker2', 'Jonas Weber', 'caseworker', caritas.id, '07141 9711-30'),
		fullTimeEquivalent: 75
	};
	const caseworker3 = {
		...staff('caseworker3', 'Leyla Aydin', 'caseworker', county.id, '07141 144-2202'),
		fullTimeEquivalent: 50
	};
	const lead = staff('lead', 'Martina Schulz', 'lead', county.id, '07141 144-2200');
	const staffRows = [
		staff('admin', 'Tandem Admin', 'admin', null),
		lead,
		caseworker,
		caseworker2,
		caseworker3,
		staff('coordinator', 'Katrin Vogel', 'coordinator', county.id, '07141 144-2000'),
		staff('volunteer', 'Ulrike Brandt', 'volunteer', null),
		staff('volunteer2', 'Peter Hoffmann', 'volunteer', null)
	];

	type Row = typeof participants.$inferInsert;
	const people: Row[] = [];
	const householdRows: { id: string; name: string }[] = [];
	const assignmentRows: { participantId: string; caseworkerId: string }[] = [];
	const participantAccounts: (typeof users.$inferInsert)[] = [];

	const addHousehold = (
		language: Locale,
		caseOrg: string,
		townId: string,
		size: number,
		caseworkerId: string | null,
		first?: { given: string; family: string; username: string }
	) => {
		const family = first?.family ?? pick(rand, NAMES[language].family);
		const household = { id: crypto.randomUUID(), name: family };
		householdRows.push(household);
		const status = weighted(rand, STATUS_WEIGHTS);
		const district = pick(rand, districts[townId]);
		const street = pick(rand, [
			'Gerlinger Str.',
			'Marktstr.',
			'Münchinger Str.',
			'Hauptstr.',
			'Schulstr.',
			'Lindenweg'
		]);
		const address = `${street} ${1 + Math.floor(rand() * 80)}, ${townId === ditzingen.id ? '71254 Ditzingen' : '71282 Hemmingen'}`;
		for (let i = 0; i < size; i++) {
			const id = crypto.randomUUID();
			const adult = i < 2;
			const year = adult ? 1970 + Math.floor(rand() * 30) : 2008 + Math.floor(rand() * 14);
			const birthDate = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
			let userId: string | null = null;
			if (i === 0 && first !== undefined) {
				userId = crypto.randomUUID();
				participantAccounts.push({
					id: userId,
					username: first.username,
					passwordHash,
					displayName: `${first.given} ${family}`,
					role: 'participant',
					locale: language
				});
			}
			people.push({
				id,
				organisationId: caseOrg,
				townId,
				district,
				householdId: household.id,
				userId,
				givenName: i === 0 && first !== undefined ? first.given : pick(rand, NAMES[language].given),
				familyName: family,
				birthDate,
				language,
				address,
				residenceStatus: status,
				// The named demo logins are women (Amina, Selam, Zahra); everyone else as the weights fall.
				gender: i === 0 && first !== undefined ? 'female' : weighted(facts, GENDER_WEIGHTS),
				nationality: weighted(facts, NATIONALITIES[language]),
				phone: adult ? `0176 ${String(Math.floor(rand() * 9e7) + 1e7)}` : ''
			});
			if (caseworkerId !== null) assignmentRows.push({ participantId: id, caseworkerId });
		}
	};

	addHousehold('ar', county.id, ditzingen.id, 4, caseworker.id, {
		given: 'Amina',
		family: 'Al-Hassan',
		username: 'participant'
	});
	addHousehold('ti', county.id, ditzingen.id, 2, caseworker.id, {
		given: 'Selam',
		family: 'Tesfay',
		username: 'participant.ti'
	});
	addHousehold('fa', county.id, hemmingen.id, 3, caseworker.id, {
		given: 'Zahra',
		family: 'Ahmadi',
		username: 'participant.fa'
	});
	while (people.length < 160) {
		const language = weighted(rand, LANGUAGE_WEIGHTS);
		const byCaritas = rand() < 0.3;
		const townId = byCaritas || rand() < 0.6 ? ditzingen.id : hemmingen.id;
		// A few new cases wait for the team lead to assign them.
		const caseworkerId = byCaritas
			? caseworker2.id
			: rand() < 0.06
				? null
				: rand() < 0.55
					? caseworker.id
					: caseworker3.id;
		addHousehold(language, byCaritas ? caritas.id : county.id, townId, 1 + Math.floor(rand() * 5), caseworkerId);
	}

	db.transaction((tx) => {
		tx.insert(organisations).values([county, ditzingen, hemmingen, caritas]).run();
		tx.insert(users)
			.values([...staffRows, ...participantAccounts])
			.run();
		tx.insert(households).values(householdRows).run();
		tx.insert(participants).values(people).run();
		tx.insert(assignments).values(assignmentRows).run();
		for (const [i, row] of people.entries()) {
			// Counselling started somewhere in the last 34 months, so some periods near their end (spread by
			// index rather than `rand`, which would shift every random choice after it).
			const started = new Date(Date.now() - ((i * 7919) % 1034) * 86_400_000);
			openCaseIn(tx, row.id!, {
				actorId: null,
				status: 'active',
				periodStartsOn: started.toISOString().slice(0, 10),
				at: started
			});
		}
	});

	const staffById = new Map<string, (typeof staffRows)[number]>(staffRows.map((u) => [u.id, u]));
	const caseworkerOf = new Map(assignmentRows.map((a) => [a.participantId, staffById.get(a.caseworkerId)!]));
	const person = (row: Row) => {
		const cw = caseworkerOf.get(row.id!);
		return {
			id: row.id!,
			caseworker:
				cw === undefined ? null : { id: cw.id, role: cw.role, organisationId: cw.organisationId, participantId: null },
			self: row.userId
				? { id: row.userId, role: 'participant' as const, organisationId: null, participantId: row.id! }
				: null
		};
	};
	const withAccount = (username: string) =>
		people.find((p) => p.userId === participantAccounts.find((a) => a.username === username)?.id)!;
	const showcase = {
		ar: person(withAccount('participant')),
		ti: person(withAccount('participant.ti')),
		fa: person(withAccount('participant.fa'))
	};
	const showcaseIds = new Set([showcase.ar.id, showcase.ti.id, showcase.fa.id]);
	await seedDemoPlans(showcase, people.filter((p) => !showcaseIds.has(p.id!)).map(person), rand);
	await seedDemoConsents(
		showcase.ar,
		staffRows.find((u) => u.username === 'volunteer')!
	);
	await seedDemoAppointments(
		showcase,
		staffRows.find((u) => u.username === 'volunteer2')!
	);
	await seedDemoDocuments(showcase);
	// Someone of Sabine Keller's caseload outside the showcase families.
	const showcaseHouseholds = new Set(people.filter((p) => showcaseIds.has(p.id!)).map((p) => p.householdId));
	const extensionCandidate = people.find(
		(p) => !showcaseHouseholds.has(p.householdId) && caseworkerOf.get(p.id!)?.id === caseworker.id
	);
	await seedDemoCases(caseworker, ditzingen.id, extensionCandidate!.id!, passwordHash);
	// Its own random sequence, so that the contacts' choices shift nobody else's.
	await seedDemoContacts(showcase, caseworker, prng(2026));
	const admin = staffRows.find((u) => u.username === 'admin')!;
	const directory = await seedDemoDirectory(
		{ id: admin.id, role: 'admin', organisationId: null, participantId: null },
		county.id
	);
	await seedDemoCaseWork(showcase, directory);
	// After the case work: a year of closures with exit snapshots and plans agreed, for the key figures.
	await seedDemoOutcomes(
		{ id: caseworker.id, role: 'caseworker', organisationId: caseworker.organisationId, participantId: null },
		[...people.filter((p) => showcaseHouseholds.has(p.householdId)).map((p) => p.id!), extensionCandidate!.id!]
	);
	const leylasFirst = assignmentRows.find((a) => a.caseworkerId === caseworker3.id)!;
	await seedDemoCovers(lead, caseworker, caseworker3, leylasFirst.participantId);
	await seedDemoRetention(people.filter((p) => p.organisationId === caritas.id).map((p) => p.id!));
	return true;
}
