// Generates an installation of a given size by direct SQL on a database migrated by the app's own migrations:
// organisations, staff, participants in households, plans, appointments, documents, consents, reminders and
// the audit log (with its subjects and a valid hash chain, so `npm run audit:verify` and the next entry the app
// appends agree with it). Proportions follow 73,000 participants : 44 counties : 1,200 caseworkers.
import { readFileSync } from 'node:fs';
import { hash } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { COUNTIES, countyWeight, DISTRICTS, NATIVE_NAMES, STREETS, WELFARE } from './places.js';
import { generateCases } from './cases.js';
import { generateAudit } from './audit.js';

export const STATEWIDE = 73_000;

export function prng(seed) {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** The demo's name lists (src/lib/server/demo/names.ts), read as data rather than compiled. */
function demoNames(root) {
	const text = readFileSync(`${root}/src/lib/server/demo/names.ts`, 'utf8');
	const literal = text.slice(text.indexOf('= {') + 2, text.lastIndexOf('}') + 1);
	return Function(`return (${literal});`)();
}

const LANGUAGES = [
	['ar', 45],
	['fa', 25],
	['ti', 20],
	['en', 6],
	['de', 4]
];
const STATUSES = [
	['refugee', 35],
	['subsidiary_protection', 25],
	['asylum', 5],
	['other_permit', 8],
	['family_reunification', 10],
	['gestattung', 10],
	['duldung', 7]
];

export function tools(rand) {
	const pick = (list) => list[Math.floor(rand() * list.length)];
	const weighted = (options) => {
		let r = rand() * options.reduce((s, [, w]) => s + w, 0);
		for (const [value, w] of options) if ((r -= w) < 0) return value;
		return options[options.length - 1][0];
	};
	const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));
	return { pick, weighted, between };
}

/** Runs `rows` through one prepared insert, one transaction per 50,000 rows. */
export function inserter(sqlite, table, columns) {
	const statement = sqlite.prepare(
		`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`
	);
	let pending = [];
	const flushAll = sqlite.transaction((rows) => {
		for (const row of rows) statement.run(row);
	});
	return {
		add(row) {
			pending.push(row);
			if (pending.length >= 50_000) this.flush();
		},
		flush() {
			flushAll(pending);
			pending = [];
		}
	};
}

export async function generate(root, file, size, log = console.log) {
	const started = Date.now();
	const sqlite = new Database(file);
	migrate(drizzle(sqlite), { migrationsFolder: `${root}/drizzle` });
	sqlite.pragma('foreign_keys = OFF');
	// better-sqlite3 opens in defensive mode, which refuses journal_mode=OFF; MEMORY writes no journal file either.
	sqlite.pragma('journal_mode = MEMORY');
	sqlite.pragma('synchronous = OFF');
	sqlite.pragma('cache_size = -1500000');
	sqlite.pragma('temp_store = MEMORY');
	const rand = prng(73);
	const t = tools(rand);
	const now = Date.now();
	const passwordHash = await hash('tandem-demo', { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 });
	const names = demoNames(root);

	insertCatalogue(sqlite, root, now);
	const org = inserter(sqlite, 'organisations', ['id', 'name', 'kind', 'created_at']);
	const user = inserter(sqlite, 'users', [
		'id',
		'username',
		'password_hash',
		'display_name',
		'role',
		'organisation_id',
		'locale',
		'phone',
		'email',
		'active',
		'created_at'
	]);
	const household = inserter(sqlite, 'households', ['id', 'name', 'created_at']);
	const person = inserter(sqlite, 'participants', [
		'id',
		'organisation_id',
		'town_id',
		'district',
		'household_id',
		'user_id',
		'given_name',
		'family_name',
		'birth_date',
		'residence_status',
		'language',
		'phone',
		'email',
		'address',
		'created_at',
		'updated_at'
	]);
	const assignment = inserter(sqlite, 'assignments', [
		'participant_id',
		'caseworker_id',
		'assigned_by',
		'created_at',
		'ended_at'
	]);

	const counties = COUNTIES.slice(0, Math.max(1, Math.round((COUNTIES.length * size) / STATEWIDE)));
	const totalWeight = counties.reduce((s, [name]) => s + countyWeight(name), 0);
	const caseworkerCount = Math.max(2, Math.round((1200 * size) / STATEWIDE));
	const staffName = () =>
		`${t.pick(['Sabine', 'Jonas', 'Leyla', 'Martina', 'Thomas', 'Anna', 'Murat', 'Katrin', 'Stefan', 'Elif'])} ${t.pick(['Keller', 'Weber', 'Aydin', 'Schulz', 'Maier', 'Fischer', 'Wagner', 'Becker', 'Hoffmann', 'Yılmaz'])}`;
	const newUser = (username, displayName, role, organisationId, locale = null) => {
		const id = crypto.randomUUID();
		user.add([
			id,
			username,
			passwordHash,
			displayName,
			role,
			organisationId,
			locale,
			role === 'caseworker' ? '07141 144-2201' : null,
			role === 'caseworker' ? `${username}@tandem.example` : null,
			1,
			now - 400 * 86400000
		]);
		return id;
	};
	newUser('admin', 'Tandem Admin', 'admin', null);

	const people = []; // { id, userId, orgIndex, language, caseworker }
	const orgs = []; // { id, lead, caseworkers: [], people: [] }
	let made = 0;
	let caseworkersMade = 0;
	let first = true;
	counties.forEach(([countyName, towns], ci) => {
		const share = countyWeight(countyName) / totalWeight;
		const countyPeople = ci === counties.length - 1 ? size - made : Math.round(size * share);
		made += countyPeople;
		const countyOrg = { id: crypto.randomUUID(), people: [], caseworkers: [] };
		org.add([countyOrg.id, countyName, 'county', now]);
		const welfare = [0, 1].map((w) => {
			const o = { id: crypto.randomUUID(), people: [], caseworkers: [] };
			const seat = towns[0];
			org.add([o.id, `${WELFARE[(ci + w) % WELFARE.length]} ${seat}`, 'welfare', now]);
			return o;
		});
		const townIds = towns.map((name) => {
			const id = crypto.randomUUID();
			org.add([id, name.includes(' ') || countyName.startsWith('Stadtkreis') ? name : `Stadt ${name}`, 'town', now]);
			return id;
		});
		const caseOrgs = [countyOrg, ...welfare];
		for (let n = 0; n < countyPeople;) {
			// The first household is the benchmark participant's, a case of the county's first caseworker.
			const caseOrg = first
				? 0
				: t.weighted([
						[0, 70],
						[1, 18],
						[2, 12]
					]);
			const language = t.weighted(LANGUAGES);
			const familyName = t.pick(names[language].family);
			const householdId = crypto.randomUUID();
			household.add([householdId, familyName, now]);
			const members = Math.min(
				countyPeople - n,
				t.weighted([
					[1, 35],
					[2, 15],
					[3, 15],
					[4, 18],
					[5, 12],
					[6, 5]
				])
			);
			const townIndex = Math.floor(rand() * townIds.length);
			const status = t.weighted(STATUSES);
			const address = `${t.pick(STREETS)} ${t.between(1, 80)}, ${towns[townIndex]}`;
			const district = t.pick(DISTRICTS);
			const created = now - t.between(30, 900) * 86400000;
			for (let i = 0; i < members; i++, n++) {
				const id = crypto.randomUUID();
				const adult = i < 2;
				const native = language in NATIVE_NAMES && rand() < 0.08 ? NATIVE_NAMES[language] : null;
				const givenName = native ? t.pick(native.given) : t.pick(names[language].given);
				const family = native ? t.pick(native.family) : familyName;
				let userId = null;
				let username = null;
				if (first) username = 'participant';
				else if (adult && rand() < 0.7) username = `p${String(people.length).padStart(6, '0')}`;
				if (username !== null) userId = newUser(username, `${givenName} ${family}`, 'participant', null, language);
				const year = adult ? t.between(1965, 2002) : t.between(2008, 2022);
				const birth = `${year}-${String(t.between(1, 12)).padStart(2, '0')}-${String(t.between(1, 28)).padStart(2, '0')}`;
				person.add([
					id,
					caseOrgs[caseOrg].id,
					townIds[townIndex],
					district,
					householdId,
					userId,
					givenName,
					family,
					birth,
					status,
					language,
					adult ? `0176 ${t.between(1000000, 9999999)}` : '',
					'',
					address,
					created,
					created
				]);
				const p = { id, userId, language, created, caseworker: null, rich: first };
				people.push(p);
				caseOrgs[caseOrg].people.push(p);
				first = false;
			}
		}
		for (const o of caseOrgs) {
			const want = Math.max(1, Math.round((caseworkerCount * o.people.length) / size));
			const lead = newUser(orgs.length === 0 ? 'lead' : `lead${orgs.length}`, staffName(), 'lead', o.id, 'de');
			o.lead = lead;
			for (let k = 0; k < want; k++) {
				const name = caseworkersMade === 0 ? 'caseworker' : `cw${String(caseworkersMade).padStart(4, '0')}`;
				o.caseworkers.push({ id: newUser(name, staffName(), 'caseworker', o.id, 'de'), people: [] });
				caseworkersMade++;
			}
			// New arrivals wait for a caseworker; everyone else is in a caseload of at most 80, the first one full.
			const cap = Math.min(80, Math.ceil((o.people.length * 0.95) / o.caseworkers.length));
			let cw = 0;
			for (const p of o.people) {
				if (rand() < 0.05 && !p.rich) continue;
				while (
					cw < o.caseworkers.length &&
					o.caseworkers[cw].people.length >= (cw === 0 && orgs.length === 0 ? 80 : cap)
				)
					cw++;
				if (cw === o.caseworkers.length) break;
				const c = o.caseworkers[cw];
				c.people.push(p);
				p.caseworker = c.id;
				p.lead = lead;
				assignment.add([p.id, c.id, lead, p.created, null]);
			}
			for (const p of o.people) p.lead = lead;
			orgs.push(o);
		}
	});
	for (const i of [org, user, household, person, assignment]) i.flush();
	log(
		`  ${people.length} participants, ${orgs.length} organisations, ${caseworkersMade} caseworkers (${Date.now() - started} ms)`
	);

	const cases = generateCases(sqlite, { people, orgs, rand, now, passwordHash, newUser, user, size });
	user.flush();
	log(`  plans, appointments, documents, consents, reminders (${Date.now() - started} ms)`);
	const audit = generateAudit(sqlite, { people, orgs, rand, now, size, volunteers: cases.volunteers });
	log(`  ${audit.entries} audit entries, ${audit.subjects} subjects (${Date.now() - started} ms)`);
	sqlite.close();
	return { ms: Date.now() - started, storageKeys: cases.storageKeys };
}

function insertCatalogue(sqlite, root, now) {
	const { goals } = JSON.parse(readFileSync(`${root}/src/lib/server/plans/catalogue.json`, 'utf8'));
	const entry = sqlite.prepare(
		'insert into catalogue_entries (id, kind, parent_id, field, position, active, created_at) values (?, ?, ?, ?, ?, 1, ?)'
	);
	const text = sqlite.prepare('insert into catalogue_texts (entry_id, locale, text) values (?, ?, ?)');
	sqlite.transaction(() => {
		goals.forEach((g, gi) => {
			entry.run(g.key, 'goal', null, g.field, gi, now);
			for (const [l, s] of Object.entries(g.title)) text.run(g.key, l, s);
			g.steps.forEach((s, si) => {
				entry.run(s.key, 'step', g.key, g.field, si, now);
				for (const [l, v] of Object.entries(s.text)) text.run(s.key, l, v);
			});
		});
	})();
}

export function catalogueOf(root) {
	return JSON.parse(readFileSync(`${root}/src/lib/server/plans/catalogue.json`, 'utf8')).goals;
}
