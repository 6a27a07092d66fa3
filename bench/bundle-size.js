// What a participant's phone downloads on a first visit to their home page (cold cache), by type, gzipped.
// Target (issue 2): at most 80 KB of JavaScript.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROME_FLAGS, CHROME_PATH, signInCookie, startServer } from './server.js';

const LAUNCH = {
	executablePath: CHROME_PATH,
	args: CHROME_FLAGS
};

async function measure(browser, origin, username) {
	const [name, value] = (await signInCookie(origin, username)).split('=');
	const context = await browser.newContext({ viewport: { width: 360, height: 740 }, serviceWorkers: 'block' });
	await context.addCookies([{ name, value, url: origin }]);
	const page = await context.newPage();
	const totals = { script: 0, stylesheet: 0, font: 0, document: 0, messages: 0 };
	const messageFiles = [];
	const pending = [];
	page.on('request', (request) => {
		if (/\/_app\/immutable\/assets\/[^/]+\.json$/.test(request.url())) messageFiles.push(request.url());
	});
	page.on('response', (response) => {
		const type = response.request().resourceType();
		if (!(type in totals)) return;
		pending.push(
			response
				.body()
				.then((body) => (totals[type] += gzipSync(body, { level: 9 }).length))
				.catch(() => {})
		);
	});
	await page.goto(`${origin}/home`, { waitUntil: 'networkidle' });
	await Promise.all(pending);
	// The messages file is preloaded and then read by the page's fetch; its body is not kept for the response
	// event, so it is fetched once more here.
	for (const url of messageFiles) {
		totals.messages += gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 9 }).length;
	}
	// Font faces try local() first; this machine has the Noto fonts, so also count what a phone without them
	// fetches: the files of the faces the page's own font family names (the rules are inlined in the page).
	const fontUrls = await page.evaluate(() => {
		const family = getComputedStyle(document.body).fontFamily.split(',')[0].replace(/["']/g, '').trim();
		const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules]);
		return rules
			.filter((rule) => rule instanceof CSSFontFaceRule)
			.filter((rule) => rule.style.getPropertyValue('font-family').replace(/["']/g, '').trim() === family)
			.flatMap((rule) => [...rule.style.getPropertyValue('src').matchAll(/url\("?([^")]+\.woff2)"?\)/g)])
			.map((match) => new URL(match[1], document.baseURI).href);
	});
	let fontFiles = 0;
	for (const url of fontUrls) fontFiles += (await (await fetch(url)).arrayBuffer()).byteLength;
	await context.close();
	return { ...totals, fontFiles };
}

const server = await startServer(Number(process.env.PORT ?? 4301));
const browser = await chromium.launch(LAUNCH);
try {
	const kb = (n) => (n / 1024).toFixed(1);
	console.log('participant home, first visit, gzipped KB (target: JS <= 80)');
	console.log(
		'user            | JS    | CSS  | HTML | messages | fonts fetched here | font files if the phone lacks them'
	);
	for (const username of ['participant', 'participant.fa', 'participant.ti']) {
		const t = await measure(browser, server.origin, username);
		console.log(
			`${username.padEnd(15)} | ${kb(t.script).padStart(5)} | ${kb(t.stylesheet).padStart(4)} | ${kb(t.document).padStart(4)} | ${kb(t.messages).padStart(8)} | ${kb(t.font).padStart(18)} | ${kb(t.fontFiles)}`
		);
	}
} finally {
	await browser.close();
	server.stop();
}
