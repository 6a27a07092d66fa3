// P5 (issue 12): does Tandem stay fast with a whole state's data? Generates (or reuses, see bench/scale/cache.js)
// a 1,000-participant and a statewide installation of 73,000, starts the built server on each, and times every
// staff, participant and volunteer page interleaved between the two (A, B, A, B …), the reminder clock's run
// (bench/scale-clock.js) and the statewide server's start-up. Target: each ≤ 1.5× its 1,000 time and ≤ 200 ms;
// start-up ≤ 3 s.  Usage: npm run build && node bench/scale.js   (ROUNDS=25, ONLY=<substring of a page name>)
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { installation } from './scale/cache.js';
import { signInCookie } from './server.js';

const ROOT = resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.env.ROUNDS ?? 25);
// Servers and clocks end with this script, also when it fails half-way.
const children = new Set();
process.on('exit', () => children.forEach((c) => c.kill()));
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
// PARTS=startup,pages,clock (the default) chooses what to time.
const PARTS = (process.env.PARTS ?? 'startup,pages,clock').split(',');
const SIZES = (process.env.SIZES ?? '1000,73000').split(',').map(Number);

function startServer(db, port) {
	const origin = `http://127.0.0.1:${port}`;
	const started = performance.now();
	const child = spawn(process.execPath, ['server.js'], {
		cwd: ROOT,
		// The clock is timed on its own below; here it would pause one request a minute at random.
		env: {
			...process.env,
			TANDEM_DEMO: '',
			TANDEM_REMINDERS: 'off',
			DATABASE_URL: db,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	children.add(child);
	const ready = (async () => {
		for (;;) {
			if (child.exitCode !== null) throw new Error(`server on ${db} exited with ${child.exitCode}`);
			try {
				if ((await fetch(`${origin}/healthz`)).ok) return performance.now() - started;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 20));
		}
	})();
	const stop = () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill())));
	return { origin, ready, stop };
}

/** Whom and what each page is timed with: the same roles and kinds of records in both installations. */
function subjects(db) {
	const sqlite = new Database(db, { readonly: true });
	const one = (sql, ...args) =>
		sqlite
			.prepare(sql)
			.pluck()
			.get(...args);
	const caseworker = one(`select id from users where username = 'caseworker'`);
	const participant = one(
		`select p.id from participants p join users u on u.id = p.user_id where u.username = 'participant'`
	);
	const first = sqlite
		.prepare(
			`select p.town_id as town, p.district, p.residence_status as status, p.family_name as name
		from participants p join assignments a on a.participant_id = p.id and a.ended_at is null where a.caseworker_id = ? order by p.id limit 1`
		)
		.get(caseworker);
	const document = one(
		`select id from documents where participant_id = ? order by created_at desc limit 1`,
		participant
	);
	sqlite.close();
	return { caseworker, participant, document, ...first };
}

function pages(s) {
	const p = `/participants/${s.participant}`;
	const q = (params) => `/caseload?${new URLSearchParams(params)}`;
	return [
		['caseworker', 'caseload', '/caseload'],
		['caseworker', 'caseload, name search', q({ q: s.name.slice(0, 4) })],
		['caseworker', 'caseload, town', q({ town: s.town })],
		['caseworker', 'caseload, district', q({ district: s.district })],
		['caseworker', 'caseload, residence status', q({ status: s.status })],
		...['review_overdue', 'proposals', 'appointments', 'documents_expiring', 'letters'].map((a) => [
			'caseworker',
			`caseload, ${a}`,
			q({ attention: a })
		]),
		['caseworker', 'caseload, page 2', q({ page: 2 })],
		['caseworker', 'letters to explain', '/caseload/letters'],
		['caseworker', 'participant', p],
		['caseworker', 'participant plan', `${p}/plan`],
		['caseworker', 'participant plan versions', `${p}/plan/versions`],
		['caseworker', 'participant appointments', `${p}/appointments`],
		['caseworker', 'participant documents', `${p}/documents`],
		['caseworker', 'participant document', `${p}/documents/${s.document}`],
		['caseworker', 'office hours', '/office-hours'],
		['lead', 'lead caseload', '/caseload'],
		['lead', 'lead caseload, caseworker', q({ caseworker: s.caseworker })],
		['lead', 'lead caseload, unassigned', q({ caseworker: 'none' })],
		['lead', 'lead caseload, name search', q({ q: s.name.slice(0, 4) })],
		['admin', 'admin users', '/admin/users'],
		['admin', 'admin organisations', '/admin/organisations'],
		['admin', 'admin catalogue', '/admin/catalogue'],
		['participant', 'home', '/home'],
		// /plan, /appointments and /documents redirect a participant to these.
		['participant', 'plan', `${p}/plan`],
		['participant', 'plan versions', `${p}/plan/versions`],
		['participant', 'appointments', `${p}/appointments`],
		['participant', 'documents', `${p}/documents`],
		['participant', 'reminders', '/reminders'],
		['participant', 'my data', '/my-data'],
		['participant', 'who saw my data', '/my-data/access'],
		['participant', 'sharing', '/my-data/sharing'],
		['volunteer', 'helping', '/helping'],
		['volunteer', 'helping, participant', `/helping/${s.participant}`]
	];
}

async function timed(origin, path, cookie) {
	const started = performance.now();
	const response = await fetch(origin + path, { headers: { cookie, 'accept-encoding': 'gzip' }, redirect: 'manual' });
	await response.arrayBuffer();
	if (response.status !== 200) throw new Error(`${origin}${path}: ${response.status}`);
	return performance.now() - started;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const ms = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(1)} ms`;

function verdict(small, big, limit = 200) {
	const ratio = big / small;
	return ratio <= 1.5 && big <= limit
		? 'ok'
		: ratio > 1.5 && big > limit
			? 'FAIL (both)'
			: ratio > 1.5
				? 'FAIL (ratio)'
				: 'FAIL (> 200 ms)';
}

async function timeClock(dbs, sweep) {
	const clocks = dbs.map((db) => {
		const child = spawn(process.execPath, ['bench/scale-clock.js'], {
			cwd: ROOT,
			env: { ...process.env, DATABASE_URL: db, CLOCK_SWEEP: sweep ? '1' : '0' },
			stdio: ['pipe', 'pipe', 'inherit']
		});
		children.add(child);
		return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
	});
	for (const c of clocks) await c.lines.next();
	const times = clocks.map(() => []);
	for (let round = -3; round < 20; round++) {
		for (const [i, c] of clocks.entries()) {
			c.child.stdin.write('run\n');
			const { ms } = JSON.parse((await c.lines.next()).value);
			if (round >= 0) times[i].push(ms);
		}
	}
	for (const c of clocks) c.child.stdin.end();
	return times;
}

const installs = [];
for (const size of SIZES) {
	const found = await installation(ROOT, size);
	const bytes = statSync(found.db).size;
	const how = found.generated === null ? 'cached' : `generated in ${(found.generated.ms / 1000).toFixed(1)} s`;
	console.log(
		`${size.toLocaleString('en')} participants: ${(bytes / 1e6).toFixed(0)} MB database, ${how} (${found.dir})`
	);
	installs.push(found);
}

const startups = [];
for (let run = 0; run < (PARTS.includes('startup') ? 3 : 0); run++) {
	const server = startServer(installs[1].db, 4551);
	startups.push(await server.ready);
	await server.stop();
}
if (startups.length > 0)
	console.log(`start-up on the statewide database (spawn → /healthz 200): ${startups.map((t) => ms(t)).join(', ')}`);

const servers = installs.map((inst, i) => startServer(inst.db, 4552 + i));
for (const s of servers) await s.ready;
const subjectsOf = installs.map((inst) => subjects(inst.db));
const cookies = await Promise.all(
	servers.map(async (s) => {
		const roles = {};
		for (const role of ['caseworker', 'lead', 'admin', 'participant', 'volunteer'])
			roles[role] = await signInCookie(s.origin, role);
		return roles;
	})
);
const lists = subjectsOf.map(pages);
const rows = [];
for (const [index, [role, name]] of lists[0].entries()) {
	if (!PARTS.includes('pages') || (process.env.ONLY && !name.includes(process.env.ONLY))) continue;
	const times = [[], []];
	for (let round = -3; round < ROUNDS; round++) {
		for (const i of [0, 1]) {
			const t = await timed(servers[i].origin, lists[i][index][2], cookies[i][role]);
			if (round >= 0) times[i].push(t);
		}
	}
	rows.push({ name: `${role}: ${name}`, times });
	const [a, b] = times.map(median);
	console.log(`  ${role}: ${name}  ${ms(a)} → ${ms(b)} (${(b / a).toFixed(2)}×, p95 ${ms(p95(times[1]))})`);
}
for (const s of servers) await s.stop();
if (!process.env.ONLY) {
	// The minute's run (what changed since the previous one) and the hourly sweep of everything due.
	rows.push({
		name: 'reminder clock: one run',
		times: await timeClock(
			installs.map((i) => i.db),
			false
		)
	});
	rows.push({
		name: 'reminder clock: hourly sweep',
		times: await timeClock(
			installs.map((i) => i.db),
			true
		)
	});
}

console.log(
	'\n| page | 1,000: median (p95) | 73,000: median (p95) | ratio | verdict |\n| --- | --- | --- | --- | --- |'
);
for (const { name, times } of rows) {
	const [a, b] = times.map(median);
	console.log(
		`| ${name} | ${ms(a)} (${ms(p95(times[0]))}) | ${ms(b)} (${ms(p95(times[1]))}) | ${(b / a).toFixed(2)}× | ${verdict(a, b)} |`
	);
}
const start = median(startups);
if (startups.length > 0)
	console.log(
		`| server start-up, statewide (3 runs: ${startups.map((t) => ms(t)).join(', ')}) | | ${ms(start)} | | ${start <= 3000 ? 'ok' : 'FAIL (> 3 s)'} |`
	);
