// The reminder clock's run, timed in a process of its own against one database (DATABASE_URL): the app's own
// runReminders, loaded through Vite's SSR module loader with the project's config (so `$lib` and `$app/server`
// resolve as in the app; the code runs untransformed apart from TypeScript being stripped). On each line "run"
// on stdin it runs once, with the clock one minute later than the run before, and answers with the time in ms.
// Push is not configured, so nothing leaves the machine; the reminders it stores stay in the database, as the
// server's clock would have stored them. Each run reads what became due since the one before, as the server's
// clock does between its hourly sweeps (CLOCK_SWEEP=1: every run sweeps everything due, as the hourly one does).
import { createInterface } from 'node:readline';
import { createServer } from 'vite';

const vite = await createServer({
	configFile: 'vite.config.ts',
	logLevel: 'error',
	appType: 'custom',
	// No file watching: `watch: null` here would be dropped when merged with the config file, and a watcher on the
	// project would walk bench/results/ (half a million document files) and use up the machine's inotify watches.
	server: {
		middlewareMode: true,
		hmr: false,
		ws: false,
		watch: { ignored: ['**/bench/results/**', '**/node_modules/**', '**/.git/**'] }
	}
});
await vite.watcher.close();
const { migrateDatabase } = await vite.ssrLoadModule('/src/lib/server/db/index.ts');
const { runReminders } = await vite.ssrLoadModule('/src/lib/server/reminders/index.ts');
migrateDatabase();
const sweep = process.env.CLOCK_SWEEP === '1';
let clock = Date.now();
let previous = null;
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
	if (line !== 'run') break;
	clock += 60_000;
	const started = performance.now();
	const run = await runReminders(new Date(clock), undefined, sweep ? null : previous);
	previous = new Date(clock);
	process.stdout.write(`${JSON.stringify({ ms: performance.now() - started, ...run })}\n`);
}
await vite.close();
process.exit(0);
