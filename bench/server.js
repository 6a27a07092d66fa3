// Starts the built app on a fresh demo database for a benchmark, and stops it again.
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';

/** cwd: another built checkout to serve instead of this one (for a before/after comparison). */
export async function startServer(port = 4300, cwd = process.cwd()) {
	const dir = `${cwd}/data/bench-${port}`;
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['server.js'], {
		cwd,
		env: {
			BODY_SIZE_LIMIT: '64M',
			...process.env,
			TANDEM_DEMO: '1',
			DATABASE_URL: `${dir}/tandem.db`,
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: origin
		},
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(`${origin}/healthz`)).ok) return { origin, pid: child.pid, stop: () => child.kill() };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	child.kill();
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
