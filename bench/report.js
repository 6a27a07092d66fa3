// Issue 14: a county's yearly report for 3,000 participants, 60 caseworkers and 60,000 contacts renders in ≤ 1 s
// and its XLSX in ≤ 3 s. Generates the county (bench/report/generate.js) into a fresh database, starts the built
// server on it and times, median of ROUNDS (5), the report page and the XLSX and CSV exports for the county
// coordinator (the whole county, suppressed) and the lead of the largest organisation (40 caseworkers, a sheet
// each). Usage: npm run build && node bench/report.js   (PORT=4390, ROUNDS=5, PARTS=page,xlsx,csv)
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { generateCounty, YEAR } from './report/generate.js';
import { signInCookie, startServerOn } from './server.js';

const ROOT = resolve(import.meta.dirname, '..');
const ROUNDS = Number(process.env.ROUNDS ?? 5);
const PORT = Number(process.env.PORT ?? 4390);
// PARTS=page,xlsx,csv (the default) chooses what to time.
const PARTS = (process.env.PARTS ?? 'page,xlsx,csv').split(',');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(origin, path, cookie) {
	const started = performance.now();
	const response = await fetch(`${origin}${path}`, { headers: { cookie }, redirect: 'manual' });
	const body = Buffer.from(await response.arrayBuffer());
	const ms = performance.now() - started;
	if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
	return { ms, bytes: body.length };
}

const dir = resolve(ROOT, 'data/bench-report');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const db = `${dir}/tandem.db`;
let started = performance.now();
const counts = await generateCounty(ROOT, db);
console.log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s:`, JSON.stringify(counts));

const server = await startServerOn(db, PORT);
try {
	const rows = [];
	for (const [who, target] of [
		['coordinator', 'county'],
		['lead', 'organisation, 40 caseworkers']
	]) {
		const cookie = await signInCookie(server.origin, who);
		for (const [, what, path, limit] of [
			['page', 'report page', `/reports?year=${YEAR}`, 1000],
			['xlsx', 'XLSX', `/reports/export.xlsx?year=${YEAR}`, 3000],
			['csv', 'CSV', `/reports/export.csv?year=${YEAR}`, 3000]
		].filter(([part]) => PARTS.includes(part))) {
			await timed(server.origin, path, cookie); // warm-up: statements prepared, caches filled
			const runs = [];
			let bytes = 0;
			for (let i = 0; i < ROUNDS; i++) {
				const run = await timed(server.origin, path, cookie);
				runs.push(run.ms);
				bytes = run.bytes;
			}
			started = median(runs);
			rows.push({
				who,
				scope: target,
				what,
				'median ms': Math.round(started),
				'target ms': limit,
				ok: started <= limit ? 'yes' : 'NO',
				KB: Math.round(bytes / 1024)
			});
		}
	}
	console.table(rows);
} finally {
	await server.stop();
}
