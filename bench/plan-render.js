// Server time to render a large integration plan (issue 3): 40 goals with 200 steps, 200 requests each for
// the caseworker's and the participant's view, on loopback against the built server. Also the JavaScript a
// participant's phone loads for the plan page on a first visit.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { signInCookie, startServer } from './server.js';

const GOALS = 40;
const STEPS_PER_GOAL = 5;
const REQUESTS = 200;

const server = await startServer(4303);
const { origin } = server;

async function post(cookie, path, fields) {
	const response = await fetch(`${origin}${path}`, {
		method: 'POST',
		body: new URLSearchParams(fields),
		headers: { cookie, origin, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' },
		redirect: 'manual'
	});
	if (response.status !== 303) throw new Error(`${path}: ${response.status} ${await response.text()}`);
	return response.headers.get('location') ?? '';
}

function percentile(sorted, p) {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function timeRequests(cookie, path) {
	const times = [];
	for (let i = 0; i < REQUESTS; i++) {
		const start = performance.now();
		const response = await fetch(`${origin}${path}`, { headers: { cookie, accept: 'text/html' } });
		await response.arrayBuffer();
		if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
		times.push(performance.now() - start);
	}
	times.sort((a, b) => a - b);
	return { median: percentile(times, 50), p95: percentile(times, 95) };
}

try {
	const participant = await signInCookie(origin, 'participant.fa');
	const location = (
		await fetch(`${origin}/plan`, { headers: { cookie: participant }, redirect: 'manual' })
	).headers.get('location');
	const planPath = location.replace(/\?.*$/, '');
	const caseworker = await signInCookie(origin, 'caseworker');

	// Build the plan through the app's own forms: own goals, five steps each (the demo's goals stay too).
	for (let g = 0; g < GOALS; g++) {
		const goalLocation = await post(caseworker, `${planPath}/goals/new`, {
			field: ['language', 'work', 'housing', 'health', 'money'][g % 5],
			title: `Benchmark-Ziel ${g + 1}`,
			why: 'Weil es wichtig ist.',
			targetDate: '2027-06-30'
		});
		const goalId = goalLocation.split('#goal-')[1];
		for (let s = 0; s < STEPS_PER_GOAL; s++) {
			await post(caseworker, `${planPath}/goals/${goalId}?/addStep`, {
				goalId,
				text: `Schritt ${s + 1} von Ziel ${g + 1}`,
				assignee: s % 2 === 0 ? 'participant' : 'caseworker',
				dueDate: `2027-0${1 + (s % 9)}-15`
			});
		}
	}
	const html = await (await fetch(`${origin}${planPath}`, { headers: { cookie: participant } })).text();
	const goalCount = (html.match(/<article class="card goal/g) ?? []).length;
	const stepCount = (html.match(/<li class="step/g) ?? []).length;

	const staff = await timeRequests(caseworker, planPath);
	const own = await timeRequests(participant, planPath);

	const browser = await chromium.launch({
		executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking']
	});
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
	const [name, value] = participant.split('=');
	await context.addCookies([{ name, value, url: origin }]);
	const page = await context.newPage();
	let js = 0;
	const pending = [];
	page.on('response', (r) => {
		if (r.request().resourceType() === 'script')
			pending.push(r.body().then((b) => (js += gzipSync(b, { level: 9 }).length)));
	});
	await page.goto(`${origin}${planPath}`, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	await browser.close();

	console.log(`plan rendered: ${goalCount} goals, ${stepCount} steps (benchmark goals plus the demo's own)`);
	console.log(`server render over ${REQUESTS} sequential requests on loopback, full HTML response:`);
	console.log(`  caseworker view:  median ${staff.median.toFixed(1)} ms, p95 ${staff.p95.toFixed(1)} ms`);
	console.log(`  participant view: median ${own.median.toFixed(1)} ms, p95 ${own.p95.toFixed(1)} ms`);
	console.log(`participant plan page, first visit: JavaScript ${(js / 1024).toFixed(1)} KB gzipped`);
} finally {
	server.stop();
}
