// Live co-editing (issue 5): how fast a saved change reaches another open stream, and what 1,000 open
// streams cost the server process. Loopback only, against the built server.
import { readFileSync } from 'node:fs';
import { signInCookie, startServer } from './server.js';

const EDITS = 500;
const STREAMS = 1000;

const server = await startServer(4304);
const { origin } = server;
const rssMb = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))[1]) / 1024;
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Opens a stream and counts its change events; resolves `ready` once the server said hello. */
function openStream(cookie, path) {
	const controller = new AbortController();
	const state = { changes: 0, waiters: [], ready: null };
	state.ready = new Promise((resolve, reject) => {
		fetch(`${origin}${path}/events`, { headers: { cookie }, signal: controller.signal })
			.then(async (response) => {
				const decoder = new TextDecoder();
				let buffer = '';
				for await (const chunk of response.body) {
					buffer += decoder.decode(chunk, { stream: true });
					let cut;
					while ((cut = buffer.indexOf('\n\n')) !== -1) {
						const frame = buffer.slice(0, cut);
						buffer = buffer.slice(cut + 2);
						if (frame.includes('event: ready')) resolve();
						if (frame.includes('event: change')) {
							state.changes += 1;
							for (const w of state.waiters.splice(0)) w();
						}
					}
				}
			})
			.catch((e) => (e.name === 'AbortError' ? undefined : reject(e)));
	});
	state.nextChange = () => new Promise((resolve) => state.waiters.push(resolve));
	state.close = () => controller.abort();
	return state;
}

try {
	const participant = await signInCookie(origin, 'participant.fa');
	const planPath = (await fetch(`${origin}/plan`, { headers: { cookie: participant }, redirect: 'manual' })).headers
		.get('location')
		.replace(/\?.*$/, '');
	const caseworker = await signInCookie(origin, 'caseworker');
	const html = await (await fetch(`${origin}${planPath}`, { headers: { cookie: caseworker } })).text();
	const [, goalId, firstVersion] =
		/name="goalId" value="([0-9a-f-]{36})"[^>]*>\s*<input type="hidden" name="version" value="(\d+)"/.exec(html);

	// 1. Latency: the caseworker saves, the participant's open stream receives it.
	const watcher = openStream(participant, planPath);
	await watcher.ready;
	const latencies = [];
	let version = Number(firstVersion);
	const statuses = ['in_progress', 'paused', 'planned'];
	for (let i = 0; i < EDITS; i++) {
		const arrived = watcher.nextChange();
		const start = performance.now();
		const response = await fetch(`${origin}${planPath}?/status`, {
			method: 'POST',
			headers: { cookie: caseworker, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ goalId, status: statuses[i % 3], version: String(version) }),
			redirect: 'manual'
		});
		if (response.status !== 303) throw new Error(`save ${i}: ${response.status}`);
		await arrived;
		latencies.push(performance.now() - start);
		version += 1;
	}
	watcher.close();
	latencies.sort((a, b) => a - b);

	// 2. Memory: 1,000 open streams on one server process.
	await new Promise((r) => setTimeout(r, 500));
	const before = rssMb();
	const streams = [];
	for (let i = 0; i < STREAMS; i++) streams.push(openStream(participant, planPath));
	await Promise.all(streams.map((s) => s.ready));
	await new Promise((r) => setTimeout(r, 1000));
	const withStreams = rssMb();

	// One more save, fanned out to all of them.
	const fanStart = performance.now();
	const allArrived = Promise.all(streams.map((s) => s.nextChange()));
	await fetch(`${origin}${planPath}?/status`, {
		method: 'POST',
		headers: { cookie: caseworker, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ goalId, status: 'in_progress', version: String(version) }),
		redirect: 'manual'
	});
	await allArrived;
	const fanOut = performance.now() - fanStart;
	for (const s of streams) s.close();

	console.log(`save → change event in another open stream, ${EDITS} edits on loopback (target p95 <= 100 ms):`);
	console.log(
		`  median ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms`
	);
	console.log(
		`server RSS: ${before.toFixed(0)} MB before, ${withStreams.toFixed(0)} MB with ${STREAMS} open streams (target < 300 MB); about ${(((withStreams - before) * 1024) / STREAMS).toFixed(1)} KB per stream`
	);
	console.log(`one save reached all ${STREAMS} streams in ${fanOut.toFixed(0)} ms`);
} finally {
	server.stop();
}
