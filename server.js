// The production entry: adapter-node's request handler inside a plain Node server. adapter-node serves static/
// and the built assets before the app's hooks run, and has no option to add headers there; this wrapper gives
// every response — static files included — `nosniff` and frame protection. A stop signal (deploy, Ctrl-C) lets
// running requests finish before the process ends.
// PORT and HOST are read here as adapter-node's own entry reads them; the app's settings go through its config.
import http from 'node:http';
import process from 'node:process';
import { handler } from './build/handler.js';

const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '0.0.0.0';
const SHUTDOWN_MS = 30_000;

const server = http.createServer((req, res) => {
	res.setHeader('X-Content-Type-Options', 'nosniff');
	res.setHeader('X-Frame-Options', 'DENY');
	handler(req, res, () => {
		res.statusCode = 404;
		res.end();
	});
});

server.listen(port, host, () => console.log(`Listening on http://${host}:${port}`));

let stopping = false;
function stop(signal) {
	if (stopping) return;
	stopping = true;
	server.close(() => {
		// SvelteKit's signal for cleanup in the app (the same one adapter-node's own entry sends).
		process.emit('sveltekit:shutdown', signal);
		process.exit(0);
	});
	server.closeIdleConnections();
	setTimeout(() => server.closeAllConnections(), SHUTDOWN_MS).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
