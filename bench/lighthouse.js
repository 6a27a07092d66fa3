// Lighthouse mobile (simulated slow 4G, 4× slower CPU) for a participant's first load, side by side with the
// floor: an empty SvelteKit page built with the same versions (bench/floor.js), audited in the same run.
// Targets (issue 12, P1): LCP <= 1.3× the floor's, performance >= 95, JS <= 80 KB gzipped; accessibility 100.
// Every audit in a browser of its own (chrome-launcher makes a fresh, empty profile per launch): a shared
// browser would carry one participant's cookies and cache into the next audit. Each page is audited ROUNDS
// times, interleaved with the others so a busy moment on the machine hits all of them alike; medians shown.
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startFloor } from './floor.js';
import { CHROME_FLAGS, CHROME_PATH, signInCookie, startServer } from './server.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PARTICIPANTS = [
	['participant', 'ar'],
	['participant.fa', 'fa'],
	['participant.ti', 'ti']
];

let version = '';
async function audit(url, headers) {
	const chrome = await chromeLauncher.launch({
		chromePath: CHROME_PATH,
		chromeFlags: CHROME_FLAGS
	});
	const result = await lighthouse(url, {
		port: chrome.port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility'],
		extraHeaders: headers
	}).finally(() => chrome.kill());
	const { categories, audits, lighthouseVersion } = result.lhr;
	version = lighthouseVersion;
	const scripts = audits['network-requests'].details.items.filter((r) => r.resourceType === 'Script');
	return {
		performance: Math.round(categories.performance.score * 100),
		accessibility: Math.round(categories.accessibility.score * 100),
		lcp: audits['largest-contentful-paint'].numericValue,
		tbt: audits['total-blocking-time'].numericValue,
		cls: audits['cumulative-layout-shift'].numericValue,
		scripts: scripts.map((r) => r.url),
		scriptsTransferred: scripts.reduce((sum, r) => sum + r.transferSize, 0)
	};
}

// "Gzipped" as in the target: each script the page loaded, gzipped at level 9 (the server itself sends brotli).
const gzipped = new Map();
async function gzippedSize(url) {
	if (!gzipped.has(url))
		gzipped.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length);
	return gzipped.get(url);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** The participant pages of one running app: /login, and each participant's home and plan. */
async function appPages(origin, label) {
	const pages = [{ name: `${label}/login (ar)`, url: `${origin}/login`, headers: { 'Accept-Language': 'ar' } }];
	for (const [username, locale] of PARTICIPANTS) {
		const headers = { 'Accept-Language': locale, Cookie: await signInCookie(origin, username) };
		// /plan answers with a redirect to the plan's own address; audit that address, as the app's links do.
		const plan = await fetch(`${origin}/plan`, { headers, redirect: 'manual' });
		pages.push({ name: `${label}/home ${username} (${locale})`, url: `${origin}/home`, headers });
		pages.push({
			name: `${label}/plan ${username} (${locale})`,
			url: `${origin}${plan.headers.get('location')}`,
			headers
		});
	}
	return pages;
}

// BENCH_PORT: the first of three ports (checkouts benchmarked side by side on one machine use different ones).
const PORT = Number(process.env.BENCH_PORT ?? 4502);
const server = await startServer(PORT);
const floor = await startFloor(PORT + 1);
// COMPARE=<another built checkout>: its pages are audited in the same rounds (e.g. the code before a change).
const before = process.env.COMPARE ? await startServer(PORT + 2, process.env.COMPARE) : null;
try {
	const pages = [
		{ name: 'floor: empty SvelteKit page', url: `${floor.origin}/`, headers: { 'Accept-Language': 'de' } }
	];
	if (before !== null) pages.push(...(await appPages(before.origin, 'before ')));
	pages.push(...(await appPages(server.origin, '')));
	const runs = new Map(pages.map((p) => [p.name, []]));
	for (let round = 1; round <= ROUNDS; round++) {
		for (const page of pages) {
			const run = await audit(page.url, page.headers);
			runs.get(page.name).push(run);
			process.stderr.write(`round ${round}: ${page.name}: LCP ${Math.round(run.lcp)} ms, score ${run.performance}\n`);
		}
	}

	const rows = [];
	for (const page of pages) {
		const r = runs.get(page.name);
		let jsGzipped = 0;
		for (const url of r[0].scripts) jsGzipped += await gzippedSize(url);
		rows.push({
			name: page.name,
			performance: median(r.map((x) => x.performance)),
			accessibility: median(r.map((x) => x.accessibility)),
			lcp: median(r.map((x) => x.lcp)),
			lcps: r.map((x) => x.lcp),
			tbt: median(r.map((x) => x.tbt)),
			cls: median(r.map((x) => x.cls)),
			jsGzipped,
			jsTransferred: median(r.map((x) => x.scriptsTransferred))
		});
	}
	const floorLcp = rows[0].lcp;
	const kb = (n) => (n / 1024).toFixed(1);
	const s = (ms) => (ms / 1000).toFixed(2);
	console.log(
		`Lighthouse ${version} mobile, median of ${ROUNDS} (targets: LCP <= 1.3× floor, performance >= 95, JS <= 80 KB gz)`
	);
	console.log(
		'page                                  | perf | a11y | LCP s (runs)            | ×floor | TBT ms | CLS   | JS gz KB | JS sent KB'
	);
	for (const r of rows) {
		console.log(
			[
				r.name.padEnd(37),
				String(r.performance).padStart(4),
				String(r.accessibility).padStart(4),
				`${s(r.lcp)} (${r.lcps.map(s).join(', ')})`.padEnd(23),
				(r.lcp / floorLcp).toFixed(2).padStart(6),
				String(Math.round(r.tbt)).padStart(6),
				r.cls.toFixed(3).padEnd(5),
				kb(r.jsGzipped).padStart(8),
				kb(r.jsTransferred).padStart(10)
			].join(' | ')
		);
	}
} finally {
	before?.stop();
	server.stop();
	floor.stop();
}
