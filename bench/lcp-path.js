// Why a page's Lighthouse LCP is what it is: one mobile audit each of the floor, /login and Amina's home and plan,
// printing the LCP element, the observed (unthrottled) first and largest paint, and every request that ended
// before that observed paint. Lighthouse's simulation (lantern, LargestContentfulPaint.js) puts every such request
// on the LCP's path, so a script listed here is paid for in the simulated LCP; the floor lists none.
// Usage: npm run build && node bench/lcp-path.js   (BENCH_PORT: first of two ports, default 4506)
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startFloor } from './floor.js';
import { signInCookie, startServer } from './server.js';

async function audit(url, headers) {
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-sync']
	});
	const options = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] };
	return (await lighthouse(url, { ...options, extraHeaders: headers }).finally(() => chrome.kill())).lhr;
}

const PORT = Number(process.env.BENCH_PORT ?? 4506);
const server = await startServer(PORT);
const floor = await startFloor(PORT + 1);
try {
	// PARTICIPANT=<username>:<locale> audits another participant's home and plan (default Amina, Arabic).
	const [username, locale] = (process.env.PARTICIPANT ?? 'participant:ar').split(':');
	const amina = { 'Accept-Language': locale, Cookie: await signInCookie(server.origin, username) };
	const plan = await fetch(`${server.origin}/plan`, { headers: amina, redirect: 'manual' });
	const pages = [
		...(process.env.PARTICIPANT ? [] : [['floor', `${floor.origin}/`, {}]]),
		[`/login (${locale})`, `${server.origin}/login`, { 'Accept-Language': locale }],
		[`/home (${locale})`, `${server.origin}/home`, amina],
		[`plan (${locale})`, `${server.origin}${plan.headers.get('location')}`, amina]
	];
	for (const [name, url, headers] of pages) {
		const lhr = await audit(url, headers);
		const metrics = lhr.audits.metrics.details.items[0];
		const element = lhr.audits['largest-contentful-paint-element'].details?.items?.[0]?.items?.[0]?.node;
		const observed = metrics.observedLargestContentfulPaint;
		console.log(
			`${name}: simulated LCP ${Math.round(metrics.largestContentfulPaint)} ms, score ${Math.round(lhr.categories.performance.score * 100)}`
		);
		console.log(`  observed: first paint ${metrics.observedFirstContentfulPaint} ms, largest ${observed} ms`);
		console.log(`  element: ${element?.snippet ?? '?'} "${element?.nodeLabel?.slice(0, 50) ?? ''}"`);
		const before = lhr.audits['network-requests'].details.items.filter((r) => r.networkEndTime <= observed);
		for (const r of before) {
			const path = new URL(r.url).pathname;
			console.log(`  ended before it: ${r.resourceType.padEnd(9)} ${Math.round(r.networkEndTime)} ms ${path}`);
		}
	}
} finally {
	server.stop();
	floor.stop();
}
