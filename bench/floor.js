// The floor every speed figure is compared with: an empty SvelteKit page (one heading, one paragraph, server-
// rendered and hydrated), built with this repository's own installed versions of SvelteKit, Svelte, Vite and
// adapter-node, and served by adapter-node's own server. Built once into bench/results/floor/ and reused
// while the installed versions stay the same.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const DIR = join(ROOT, 'bench/results/floor');

const FILES = {
	'package.json': JSON.stringify({ name: 'floor', private: true, type: 'module' }),
	'svelte.config.js': `import adapter from '@sveltejs/adapter-node';
export default { kit: { adapter: adapter({ precompress: true }) } };`,
	'vite.config.js': `import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';
export default defineConfig({ plugins: [sveltekit()] });`,
	'src/app.html': `<!doctype html>
<html lang="de">
	<head>
		<meta charset="utf-8" />
		<meta name="viewport" content="width=device-width, initial-scale=1" />
		%sveltekit.head%
	</head>
	<body data-sveltekit-preload-data="hover">
		<div style="display: contents">%sveltekit.body%</div>
	</body>
</html>`,
	'src/routes/+page.svelte': `<h1>Tandem</h1>
<p>Eine leere SvelteKit-Seite: der Boden, an dem jede Messung gemessen wird.</p>`
};

function installedVersions() {
	const names = ['@sveltejs/kit', 'svelte', 'vite', '@sveltejs/adapter-node', '@sveltejs/vite-plugin-svelte'];
	return names.map((n) => `${n}@${JSON.parse(readFileSync(join(ROOT, 'node_modules', n, 'package.json'))).version}`);
}

/** Builds the floor app unless a build with the same installed versions exists. Returns its folder. */
export function buildFloor() {
	const stamp = installedVersions().join(' ');
	const stampFile = join(DIR, 'versions.txt');
	if (existsSync(join(DIR, 'build/index.js')) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp) {
		return DIR;
	}
	rmSync(DIR, { recursive: true, force: true });
	for (const [file, text] of Object.entries(FILES)) {
		mkdirSync(join(DIR, file, '..'), { recursive: true });
		writeFileSync(join(DIR, file), text);
	}
	symlinkSync(join(ROOT, 'node_modules'), join(DIR, 'node_modules'), 'dir');
	execFileSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'error'], {
		cwd: DIR,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	writeFileSync(stampFile, stamp);
	return DIR;
}

/** Starts the floor app's built server on a port; resolves once it answers. */
export async function startFloor(port = 4390) {
	const dir = buildFloor();
	const origin = `http://127.0.0.1:${port}`;
	const child = spawn(process.execPath, ['build/index.js'], {
		cwd: dir,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (let i = 0; i < 100; i++) {
		try {
			if ((await fetch(origin)).ok) return { origin, pid: child.pid, stop: () => child.kill() };
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	child.kill();
	throw new Error('the floor app did not start');
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const floor = await startFloor();
	const response = await fetch(floor.origin);
	console.log(`floor app at ${floor.origin}: ${response.status}, ${(await response.text()).length} bytes of HTML`);
	console.log(installedVersions().join('\n'));
	floor.stop();
}
