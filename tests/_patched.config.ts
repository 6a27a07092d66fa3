// TEMPORARY (local verification against /tmp/tandem-patched); delete before finishing.
import base from '../playwright.config';
import { defineConfig } from '@playwright/test';
export default defineConfig({
	...base,
	testDir: '.',
	webServer: {
		...(base.webServer as object),
		command: `cd /tmp/tandem-patched && rm -rf data/e2e && mkdir -p data/e2e && TANDEM_DEMO=1 DATABASE_URL=data/e2e/tandem.db PORT=4173 HOST=127.0.0.1 ORIGIN=http://127.0.0.1:4173 node build`
	}
} as Parameters<typeof defineConfig>[0]);
