// Lighthouse mobile (simulated slow 4G, mid-range phone) for sign-in and the participant home.
// Targets (issue 2): performance >= 95, accessibility 100.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { signInCookie, startServer } from './server.js';

const server = await startServer(4302);

// Each audit in a browser of its own (chrome-launcher makes a fresh, empty profile per launch): in a shared
// browser the second participant's audit would run with the first one's cookies and cache, and measure her page.
async function audit(path, cookie, acceptLanguage) {
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
		chromeFlags: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync'
		]
	});
	const headers = { 'Accept-Language': acceptLanguage, ...(cookie ? { Cookie: cookie } : {}) };
	const result = await lighthouse(`${server.origin}${path}`, {
		port: chrome.port,
		output: 'json',
		logLevel: 'error',
		onlyCategories: ['performance', 'accessibility'],
		extraHeaders: headers
	}).finally(() => chrome.kill());
	const { categories, audits } = result.lhr;
	return {
		performance: Math.round(categories.performance.score * 100),
		accessibility: Math.round(categories.accessibility.score * 100),
		lcp: audits['largest-contentful-paint'].displayValue,
		tbt: audits['total-blocking-time'].displayValue,
		cls: audits['cumulative-layout-shift'].displayValue
	};
}

try {
	const rows = [
		['/login (de)', await audit('/login', null, 'de')],
		['/login (ar)', await audit('/login', null, 'ar')],
		['/home participant (ar)', await audit('/home', await signInCookie(server.origin, 'participant'), 'ar')],
		['/home participant.ti (ti)', await audit('/home', await signInCookie(server.origin, 'participant.ti'), 'ti')]
	];
	console.log('Lighthouse mobile (targets: performance >= 95, accessibility 100)');
	console.log('page                       | perf | a11y | LCP    | TBT   | CLS');
	for (const [page, r] of rows) {
		console.log(
			`${page.padEnd(26)} | ${String(r.performance).padStart(4)} | ${String(r.accessibility).padStart(4)} | ${r.lcp.padEnd(6)} | ${r.tbt.padEnd(5)} | ${r.cls}`
		);
	}
} finally {
	server.stop();
}
