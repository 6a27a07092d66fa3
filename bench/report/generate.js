// A county for the yearly report benchmark (issue 14): 3,000 participants in households across 10 towns, three
// organisations with 60 caseworkers, a year of case work (60,000 contacts with persons and topics, networking,
// handovers, referrals, assessments at entry and exit, goals, agreed plans and reviews), by direct SQL on a
// database migrated by the app's own migrations. The scale generator's random and insert helpers are reused;
// its folder is not touched, so its cached installations stay valid.
import { hash } from '@node-rs/argon2';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { inserter, prng, tools } from '../scale/generate.js';

export const YEAR = 2026;
const DAY = 86_400_000;
const FORMS = ['home_visit', 'office', 'accompanying', 'phone', 'digital'];
const KINDS = ['follow_up', 'follow_up', 'follow_up', 'plan_talk', 'first_talk', 'handover'];
const TOPICS = [
	'housing',
	'work',
	'language',
	'money',
	'health',
	'benefits',
	'residence_law',
	'childcare_school',
	'rent_debts'
];
const FIELDS = [
	'language',
	'work',
	'training',
	'education',
	'housing',
	'health',
	'family',
	'money',
	'residence',
	'social'
];
const GOAL_STATUSES = ['planned', 'in_progress', 'in_progress', 'achieved', 'paused', 'dropped'];
const REASONS = [
	'goals_reached',
	'transferred_mbe',
	'transferred_jmd',
	'regular_service',
	'moved_away',
	'maximum_period',
	'no_contact'
];
const STATUSES = ['refugee', 'subsidiary_protection', 'asylum', 'gestattung', 'duldung', 'temporary_protection'];
const LEVELS = ['none', 'a1', 'a2', 'b1', 'b2'];
const GROUPS = ['integration_services', 'authorities', 'social_services', 'refugee_volunteers', 'employers'];
const TARGETS = ['jobcenter', 'employment_agency', 'mbe', 'language_course', 'health', 'housing'];
const TOWNS = [
	'Ravensburg',
	'Weingarten',
	'Wangen',
	'Leutkirch',
	'Bad Waldsee',
	'Isny',
	'Aulendorf',
	'Bad Wurzach',
	'Baienfurt',
	'Baindt'
];
const day = (ms) => new Date(ms).toISOString().slice(0, 10);

export async function generateCounty(root, file, { participants = 3000, caseworkers = 60, contacts = 60_000 } = {}) {
	const sqlite = new Database(file);
	migrate(drizzle(sqlite), { migrationsFolder: `${root}/drizzle` });
	sqlite.pragma('foreign_keys = OFF');
	sqlite.pragma('journal_mode = MEMORY');
	sqlite.pragma('synchronous = OFF');
	const rand = prng(14);
	const { pick, weighted, between } = tools(rand);
	const now = Date.now();
	const yearStart = Date.UTC(YEAR, 0, 1);
	const passwordHash = await hash('tandem-demo', { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 });
	const id = () => crypto.randomUUID();
	const rows = (table, columns) => inserter(sqlite, table, columns);

	const org = rows('organisations', ['id', 'name', 'kind', 'county_id', 'created_at']);
	const user = rows('users', [
		'id',
		'username',
		'password_hash',
		'display_name',
		'role',
		'organisation_id',
		'locale',
		'full_time_equivalent',
		'created_at'
	]);
	const county = id();
	org.add([county, 'Landkreis Ravensburg', 'county', null, now]);
	const towns = TOWNS.map((name) => {
		const t = id();
		org.add([t, `Stadt ${name}`, 'town', county, now]);
		return t;
	});
	const providers = [county, id(), id()];
	org.add([providers[1], 'Caritas Bodensee-Oberschwaben', 'welfare', county, now]);
	org.add([providers[2], 'Diakonie Ravensburg', 'welfare', county, now]);
	user.add([id(), 'admin', passwordHash, 'Tandem Admin', 'admin', null, 'de', 100, now]);
	user.add([id(), 'coordinator', passwordHash, 'Katrin Vogel', 'coordinator', county, 'de', 100, now]);
	const leads = providers.map((o, i) => {
		const u = id();
		user.add([u, i === 0 ? 'lead' : `lead${i}`, passwordHash, `Leitung ${i + 1}`, 'lead', o, 'de', 100, now]);
		return u;
	});
	// Two thirds of the caseworkers at the county, the rest split between the welfare organisations.
	const staff = Array.from({ length: caseworkers }, (_, i) => {
		const o = i < (caseworkers * 2) / 3 ? 0 : i % 2 === 0 ? 1 : 2;
		const u = id();
		const fte = pick([100, 100, 100, 75, 50]);
		user.add([
			u,
			i === 0 ? 'caseworker' : `cw${String(i).padStart(3, '0')}`,
			passwordHash,
			`Fachkraft ${i + 1}`,
			'caseworker',
			providers[o],
			'de',
			fte,
			now
		]);
		return { id: u, org: providers[o], lead: leads[o] };
	});
	org.flush();
	user.flush();

	const household = rows('households', ['id', 'name', 'created_at']);
	const person = rows('participants', [
		'id',
		'organisation_id',
		'town_id',
		'household_id',
		'given_name',
		'family_name',
		'birth_date',
		'residence_status',
		'language',
		'gender',
		'nationality',
		'created_at',
		'updated_at'
	]);
	const assignment = rows('assignments', ['participant_id', 'caseworker_id', 'assigned_by', 'created_at']);
	const kase = rows('cases', [
		'id',
		'participant_id',
		'status',
		'eligibility',
		'allocated_on',
		'period_starts_on',
		'closure_reason',
		'closed_at',
		'created_at',
		'updated_at'
	]);
	const handover = rows('handovers', ['id', 'case_id', 'service', 'allocated_on', 'recorded_by', 'created_at']);
	const assessment = rows('assessments', [
		'id',
		'case_id',
		'kind',
		'german_level',
		'work',
		'housing',
		'benefits',
		'residence_status',
		'recorded_by',
		'created_at',
		'updated_at'
	]);
	const goal = rows('goals', [
		'id',
		'participant_id',
		'field',
		'title',
		'status',
		'created_by',
		'created_at',
		'updated_at'
	]);
	const version = rows('plan_versions', [
		'id',
		'participant_id',
		'number',
		'snapshot',
		'created_by',
		'created_at',
		'agreed_at'
	]);
	const review = rows('plan_reviews', ['id', 'participant_id', 'created_at', 'held_by', 'next_review_date']);
	const people = [];
	for (let n = 0; n < participants;) {
		const hh = id();
		household.add([hh, `Haushalt ${n}`, now]);
		const size = Math.min(
			participants - n,
			weighted([
				[1, 40],
				[2, 20],
				[3, 20],
				[4, 20]
			])
		);
		const cw = staff[Math.floor((n / participants) * caseworkers)];
		const town = pick(towns);
		for (let i = 0; i < size; i++, n++) {
			const p = id();
			const created = yearStart - between(0, 900) * DAY;
			person.add([
				p,
				cw.org,
				town,
				hh,
				`Vorname${n}`,
				`Familie${n}`,
				`${between(1960, 2020)}-0${between(1, 9)}-1${between(0, 9)}`,
				pick(STATUSES),
				pick(['ar', 'fa', 'ti', 'de']),
				pick(['female', 'male']),
				pick(['SY', 'AF', 'ER', 'UA', 'IQ', 'TR']),
				created,
				created
			]);
			assignment.add([p, cw.id, cw.lead, created]);
			const c = id();
			const closed = rand() < 0.22;
			const closedAt = closed ? yearStart + between(0, 360) * DAY : null;
			const starts = day(created + 14 * DAY);
			kase.add([
				c,
				p,
				closed
					? 'closed'
					: weighted([
							['active', 90],
							['paused', 6],
							['transferred', 4]
						]),
				'follow_up_housing',
				day(created),
				starts,
				closed ? pick(REASONS) : null,
				closedAt,
				created,
				now
			]);
			handover.add([id(), c, 'Sozialdienst GU', day(created), cw.id, created]);
			assessment.add([
				id(),
				c,
				'entry',
				pick(LEVELS),
				pick(['none', 'job']),
				pick(['shared_housing', 'follow_up_housing']),
				pick(['sgb2', 'asylblg']),
				pick(STATUSES),
				cw.id,
				created + 30 * DAY,
				created + 30 * DAY
			]);
			if (closed)
				assessment.add([
					id(),
					c,
					'exit',
					pick(LEVELS),
					pick(['none', 'job']),
					pick(['follow_up_housing', 'own_flat']),
					pick(['sgb2', 'none']),
					pick(STATUSES),
					cw.id,
					closedAt,
					closedAt
				]);
			for (let g = 0; g < 3; g++)
				goal.add([id(), p, pick(FIELDS), 'Ziel', pick(GOAL_STATUSES), cw.id, created + 40 * DAY, created + 40 * DAY]);
			if (rand() < 0.8) version.add([id(), p, 1, '{}', cw.id, created + 45 * DAY, created + 50 * DAY]);
			if (rand() < 0.5) review.add([id(), p, yearStart + between(0, 330) * DAY, cw.id, day(yearStart + 400 * DAY)]);
			people.push({ id: p, case: c, cw, household: hh });
		}
	}
	for (const i of [household, person, assignment, kase, handover, assessment, goal, version, review]) i.flush();

	const contact = rows('contacts', [
		'id',
		'participant_id',
		'case_id',
		'caseworker_id',
		'occurred_at',
		'duration_minutes',
		'form',
		'kind',
		'created_by',
		'created_at',
		'updated_at'
	]);
	const present = rows('contact_persons', ['contact_id', 'participant_id']);
	const topic = rows('contact_topics', ['contact_id', 'topic']);
	for (let k = 0; k < contacts; k++) {
		const p = people[k % people.length];
		const at = yearStart + Math.floor(rand() * 365 * DAY);
		const c = id();
		contact.add([c, p.id, p.case, p.cw.id, at, pick([15, 30, 45, 60, 90]), pick(FORMS), pick(KINDS), p.cw.id, at, at]);
		present.add([c, p.id]);
		for (const t of new Set([pick(TOPICS), pick(TOPICS)])) topic.add([c, t]);
	}
	const networking = rows('networking_contacts', [
		'id',
		'caseworker_id',
		'organisation_id',
		'occurred_at',
		'"group"',
		'form',
		'duration_minutes',
		'created_at',
		'updated_at'
	]);
	for (const cw of staff) {
		for (let k = 0; k < 100; k++) {
			const at = yearStart + Math.floor(rand() * 365 * DAY);
			networking.add([id(), cw.id, cw.org, at, pick(GROUPS), pick(['meeting', 'phone', 'digital']), 45, at, at]);
		}
	}
	const service = rows('services', ['id', 'county_id', 'target', 'name']);
	const services = TARGETS.map((target) => {
		const s = id();
		service.add([s, county, target, `Stelle ${target}`]);
		return { id: s, target };
	});
	service.flush();
	const referral = rows('referrals', [
		'id',
		'participant_id',
		'case_id',
		'service_id',
		'target',
		'status',
		'made_by',
		'created_at',
		'updated_at'
	]);
	for (let k = 0; k < people.length / 2; k++) {
		const p = people[k * 2];
		const s = pick(services);
		const at = yearStart + Math.floor(rand() * 365 * DAY);
		referral.add([
			id(),
			p.id,
			p.case,
			s.id,
			s.target,
			pick(['made', 'accepted', 'attended', 'failed']),
			p.cw.id,
			at,
			at
		]);
	}
	for (const i of [contact, present, topic, networking, referral]) i.flush();
	const counts = Object.fromEntries(
		['participants', 'cases', 'contacts', 'contact_topics', 'networking_contacts', 'goals', 'referrals'].map((t) => [
			t,
			sqlite.prepare(`select count(*) from ${t}`).pluck().get()
		])
	);
	counts.caseworkers = sqlite.prepare(`select count(*) from users where role = 'caseworker'`).pluck().get();
	sqlite.close();
	return counts;
}
