// Lists page by key (issue 12): the first and the last page of a list cost the same and carry at most 50 rows.
// Starts the built app on a fresh demo database and the empty SvelteKit floor app, gives Zahra's "who saw my
// data" a few pages of entries, then requests every measured page interleaved with the floor, round by round.
import { gzipSync } from 'node:zlib';
import { startFloor } from './floor.js';
import { signInCookie, startServer } from './server.js';

const ROUNDS = Number(process.env.ROUNDS ?? 150);
const app = await startServer(4620);
const floor = await startFloor(4621);

async function get(origin, path, cookie) {
	const started = process.hrtime.bigint();
	const response = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {} });
	const html = await response.text();
	const ms = Number(process.hrtime.bigint() - started) / 1e6;
	if (!response.ok) throw new Error(`${path}: ${response.status}`);
	return { ms, html };
}

/** The pager's next link of a page, or null on the last one. */
function nextOf(html) {
	const match = /<a class="button secondary" href="([^"]+)" rel="next"/.exec(html);
	return match === null ? null : match[1].replaceAll('&amp;', '&');
}

/** Every page of a list, by its next links. */
async function pagesOf(path, cookie) {
	const pages = [path];
	for (;;) {
		const next = nextOf((await get(app.origin, pages.at(-1), cookie)).html);
		if (next === null) return pages;
		pages.push(`${path.split('?')[0]}${next}`);
	}
}

try {
	const lead = await signInCookie(app.origin, 'lead');
	const caseworker = await signInCookie(app.origin, 'caseworker');
	const zahra = await signInCookie(app.origin, 'participant.fa');
	// Her caseworker opens Zahra's record 140 times: three pages of "who saw my data".
	const caseload = (await get(app.origin, '/caseload?q=Ahmadi', caseworker)).html;
	// Her household shares the family name: her own record, by the name the list shows.
	const record = /href="(\/participants\/[0-9a-f-]{36})"[^>]*><bdi>Ahmadi, Zahra</.exec(caseload)[1];
	for (let i = 0; i < 140; i++) await get(app.origin, record, caseworker);

	const lists = [
		['lead: caseload', await pagesOf('/caseload', lead), lead],
		['caseworker: caseload', await pagesOf('/caseload', caseworker), caseworker],
		['Zahra: who saw my data', await pagesOf('/my-data/access', zahra), zahra]
	];
	const subjects = [{ name: 'floor: empty SvelteKit page', origin: floor.origin, path: '/', cookie: null }];
	for (const [name, pages, cookie] of lists) {
		subjects.push({ name: `${name}, first of ${pages.length} pages`, origin: app.origin, path: pages[0], cookie });
		subjects.push({ name: `${name}, last page`, origin: app.origin, path: pages.at(-1), cookie });
	}
	const times = subjects.map(() => []);
	const sizes = subjects.map(() => 0);
	for (let round = 0; round < ROUNDS; round++) {
		for (const [i, s] of subjects.entries()) {
			const { ms, html } = await get(s.origin, s.path, s.cookie);
			if (round > 4) times[i].push(ms);
			sizes[i] = gzipSync(html, { level: 9 }).length;
		}
	}
	const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
	const floorMedian = quantile(times[0], 0.5);
	console.log(`${ROUNDS} rounds, first 5 dropped; time of the complete response over loopback\n`);
	console.log('| page | median | p95 | × floor | HTML gzipped |');
	console.log('| --- | --- | --- | --- | --- |');
	for (const [i, s] of subjects.entries()) {
		const median = quantile(times[i], 0.5);
		console.log(
			`| ${s.name} | ${median.toFixed(2)} ms | ${quantile(times[i], 0.95).toFixed(2)} ms | ${(median / floorMedian).toFixed(1)} | ${(sizes[i] / 1024).toFixed(1)} KB |`
		);
	}
} finally {
	app.stop();
	floor.stop();
}

// The same question at the size of a large organisation, in SQL alone: a page deep in a list by OFFSET walks
// every row before it, by key it starts where the last page ended. One organisation of 20,000 participants
// on a database migrated as the server does, the sort key's index in place.
{
	const { default: Database } = await import('better-sqlite3');
	const { drizzle } = await import('drizzle-orm/better-sqlite3');
	const { migrate } = await import('drizzle-orm/better-sqlite3/migrator');
	const { mkdtempSync, rmSync } = await import('node:fs');
	const { tmpdir } = await import('node:os');
	const { join } = await import('node:path');
	const dir = mkdtempSync(join(tmpdir(), 'tandem-paging-'));
	const sqlite = new Database(join(dir, 'big.db'));
	try {
		migrate(drizzle(sqlite), { migrationsFolder: 'drizzle' });
		sqlite.prepare("insert into organisations (id, name, kind) values ('org', 'Landkreis', 'county')").run();
		const insert = sqlite.prepare(`insert into participants (id, organisation_id, town_id, given_name, family_name,
			residence_status, language) values (?, 'org', 'org', ?, ?, 'refugee', 'ar')`);
		const N = 20_000;
		sqlite.transaction(() => {
			for (let i = 0; i < N; i++) insert.run(crypto.randomUUID(), `Given${i % 97}`, `Family${(i * 7919) % N}`);
		})();
		sqlite.exec('analyze');
		const columns = 'id, family_name, given_name';
		const byOffset = sqlite.prepare(`select ${columns} from participants where organisation_id = 'org'
			order by family_name, given_name limit 25 offset ?`);
		const byKey = sqlite.prepare(`select ${columns} from participants where organisation_id = 'org'
			and (family_name, given_name, id) > (?, ?, ?) order by family_name, given_name, id limit 51`);
		const ordered = sqlite
			.prepare(`select ${columns} from participants where organisation_id = 'org' order by family_name, given_name, id`)
			.all();
		const time = (run) => {
			const xs = [];
			for (let i = 0; i < 200; i++) {
				const t = process.hrtime.bigint();
				run();
				xs.push(Number(process.hrtime.bigint() - t) / 1e6);
			}
			return xs.sort((a, b) => a - b)[100];
		};
		console.log(`\nSQL only, one organisation of ${N.toLocaleString('en')} participants, median of 200 runs:\n`);
		console.log('| position | OFFSET, 25 a page (before) | by key, 50 a page (now) |');
		console.log('| --- | --- | --- |');
		for (const at of [1, N / 2, N - 50]) {
			const before = ordered[at - 2];
			const keyed =
				at === 1
					? time(() => byOffset.all(0))
					: time(() => byKey.all(before.family_name, before.given_name, before.id));
			console.log(
				`| row ${at.toLocaleString('en')} | ${time(() => byOffset.all(at - 1)).toFixed(3)} ms | ${keyed.toFixed(3)} ms |`
			);
		}
	} finally {
		sqlite.close();
		rmSync(dir, { recursive: true, force: true });
	}
}
