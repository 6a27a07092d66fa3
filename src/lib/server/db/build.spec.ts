import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const SOURCES = ['src', 'static', 'drizzle', 'package.json', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json'];

// A build imports every server module to analyse it. It must not open, create or migrate a database: on a
// build machine that would leave an empty production database behind, or write into the wrong one.
describe('vite build', () => {
	const checkout = mkdtempSync(join(tmpdir(), 'tandem-build-'));
	afterAll(() => rmSync(checkout, { recursive: true, force: true }));

	it('leaves no data folder behind in a clean checkout', { timeout: 300_000 }, async () => {
		for (const name of SOURCES) cpSync(name, join(checkout, name), { recursive: true });
		symlinkSync(realpathSync('node_modules'), join(checkout, 'node_modules'));
		const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production' };
		await promisify(execFile)(process.execPath, ['node_modules/vite/bin/vite.js', 'build'], {
			cwd: checkout,
			env,
			maxBuffer: 64 * 1024 * 1024
		});
		expect(existsSync(join(checkout, 'build', 'index.js'))).toBe(true);
		expect(existsSync(join(checkout, 'data'))).toBe(false);
	});
});
