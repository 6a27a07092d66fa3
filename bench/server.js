// Starts the built app on a fresh demo database for a benchmark, and stops it again.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

/** cwd: another built checkout to serve instead of this one (for a before/after comparison). */
export async function startServer(port = 4300, cwd = process.cwd()) {
	const dir = `${cwd}/data/bench-${port}`;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	return launch({ port, cwd, env: { TANDEM_DEMO: '1', DATABASE_URL: `${dir}/tandem.db` } });
}

/** Starts the built app on an existing database (e.g. a generated installation), without demo data. */
export async function startServerOn(database, port = 4300) {
	return launch({ port, cwd: process.cwd(), env: { TANDEM_DEMO: '', DATABASE_URL: database } });
}

async function launch({ port, cwd, env }) {
	const origin = `http://127.0.0.1:${port}`;
	// SERVER_NODE_FLAGS: e.g. "--cpu-prof --cpu-prof-dir=/tmp/profile" to see where a benchmark's server time goes.
	const flags = process.env.SERVER_NODE_FLAGS?.split(' ').filter(Boolean) ?? [];
	const child = spawn(process.execPath, [...flags, 'server.js'], {
		cwd,
		env: { BODY_SIZE_LIMIT: '64M', ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	const stop = () => new Promise((r) => (child.exitCode !== null ? r() : (child.once('exit', r), child.kill())));
	for (let i = 0; i < 600; i++) {
		if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return { origin, pid: child.pid, stop };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	await stop();
	throw new Error('server did not start; run `npm run build` first');
}

/** Signs in over plain HTTP and returns the session cookie ("name=value"). */
export async function signInCookie(origin, username, password = 'tandem-demo') {
	const response = await fetch(`${origin}/login`, {
		method: 'POST',
		body: new URLSearchParams({ username, password }),
		headers: { origin, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
		redirect: 'manual'
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('tandem_session='));
	if (cookie === undefined) throw new Error(`sign-in as ${username} failed (${response.status})`);
	return cookie.split(';')[0];
}

/** Debian's Chromium, headless and quiet, for every benchmark that drives a browser. */
export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
export const CHROME_FLAGS = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
