import { defineConfig } from '@playwright/test';

// E2E_PORT lets two checkouts on one machine run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const ORIGIN = `http://127.0.0.1:${PORT}`;

// The app must be built first (`vite build`); `npm test` does that before running these tests.
export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.e2e.ts',
	// One worker on a 2-core machine: the tests share one SQLite database and one server.
	fullyParallel: false,
	workers: 1,
	// One retry in CI only, so a one-off timing hiccup on a busy 2-core machine does not block a landing;
	// locally every failure shows.
	retries: process.env.CI ? 1 : 0,
	reporter: 'list',
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: ORIGIN,
		// The service worker is tested on its own (pwa.e2e.ts); elsewhere its background precaching would
		// compete with the journeys' navigations and make timings vary.
		serviceWorkers: 'block',
		launchOptions: {
			executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	webServer: {
		// A fresh database every run, seeded with the demo data at start. Document uploads need a body limit
		// above adapter-node's 512 KB default, as in `npm start` (see README).
		command: `rm -rf data/e2e && mkdir -p data/e2e && TANDEM_DEMO=1 BODY_SIZE_LIMIT=64M DATABASE_URL=data/e2e/tandem.db PORT=${PORT} HOST=127.0.0.1 ORIGIN=${ORIGIN} node server.js`,
		url: `${ORIGIN}/healthz`,
		reuseExistingServer: false,
		timeout: 120_000
	},
	// One project at desktop size; phone journeys set the phone viewport with test.use (see tests/helpers.ts).
	projects: [{ name: 'desktop', use: { viewport: { width: 1280, height: 800 } } }]
});
