// Server CPU per request (issue 12, P3): the participant's plan page and the caseworker's caseload against an
// empty SvelteKit page (bench/floor.js) built with the same versions, measured side by side in one run.
// Each round drives every target with autocannon for a fixed time, interleaved (floor, plan, caseload, floor, …),
// and reads the server process's own CPU time (utime + stime from /proc/<pid>/stat) before and after, so the
// load generator's CPU is not counted. Target: ≤ 3 ms per request, ≥ 10 % of the floor's throughput.
import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';
import { startFloor } from './floor.js';
import { signInCookie, startServer } from './server.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const SECONDS = Number(process.env.SECONDS ?? 5);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 4);
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function cpuMs(pid) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	// After "pid (comm) ", utime and stime are the 12th and 13th fields.
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

async function drive(server, path, headers, duration) {
	const before = cpuMs(server.pid);
	const result = await autocannon({
		url: `${server.origin}${path}`,
		connections: CONNECTIONS,
		duration,
		headers: { accept: 'text/html', ...headers }
	});
	const cpu = cpuMs(server.pid) - before;
	const requests = result.requests.total;
	const bad = result.non2xx + result.errors + result.timeouts;
	if (bad > 0) throw new Error(`${path}: ${bad} failed requests of ${requests}`);
	return { requests, cpu, rps: result.requests.average, p99: result.latency.p99 };
}

const floor = await startFloor(4391);
const server = await startServer(4304);
try {
	const participant = await signInCookie(server.origin, 'participant');
	const caseworker = await signInCookie(server.origin, 'caseworker');
	const plan = await fetch(`${server.origin}/plan`, { headers: { cookie: participant }, redirect: 'manual' });
	const planPath = plan.headers.get('location');
	if (planPath === null) throw new Error('/plan did not lead to the plan page');
	// The floor sends its page uncompressed; Tandem compresses pages for phones on weak connections. Both are
	// measured uncompressed side by side, and Tandem once more with gzip, so the compression's share shows.
	const gzip = { 'accept-encoding': 'gzip' };
	const targets = [
		{ name: 'floor: empty SvelteKit page', server: floor, path: '/', headers: {} },
		{ name: 'plan page (participant)', server, path: planPath, headers: { cookie: participant } },
		{ name: 'caseload (caseworker)', server, path: '/caseload', headers: { cookie: caseworker } },
		{ name: 'plan page (participant), gzip', server, path: planPath, headers: { cookie: participant, ...gzip } },
		{ name: 'caseload (caseworker), gzip', server, path: '/caseload', headers: { cookie: caseworker, ...gzip } }
	];
	for (const t of targets) await drive(t.server, t.path, t.headers, 1); // warm-up: JIT, caches, page cache
	const totals = targets.map(() => ({ requests: 0, cpu: 0, rps: [], p99: [] }));
	for (let round = 0; round < ROUNDS; round++) {
		for (const [i, t] of targets.entries()) {
			const r = await drive(t.server, t.path, t.headers, SECONDS);
			totals[i].requests += r.requests;
			totals[i].cpu += r.cpu;
			totals[i].rps.push(r.rps);
			totals[i].p99.push(r.p99);
		}
	}
	const floorRps = median(totals[0].rps);
	console.log(
		`Server CPU per request, ${ROUNDS} interleaved rounds of ${SECONDS} s, ${CONNECTIONS} connections (targets: ≤ 3 ms, ≥ 10 % of the floor's throughput)`
	);
	console.log(`${'target'.padEnd(32)} | requests | CPU/request | req/s  | % of floor | p99`);
	for (const [i, t] of targets.entries()) {
		const s = totals[i];
		const rps = median(s.rps);
		console.log(
			[
				t.name.padEnd(32),
				String(s.requests).padStart(8),
				`${(s.cpu / s.requests).toFixed(2)} ms`.padStart(11),
				rps.toFixed(0).padStart(6),
				`${((rps / floorRps) * 100).toFixed(1)} %`.padStart(10),
				`${median(s.p99)} ms`
			].join(' | ')
		);
	}
} finally {
	server.stop();
	floor.stop();
}

function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}
