// A second process writing to the same SQLite file as the app, as a worker thread with its own connection.
// Plain JavaScript: a worker runs outside vitest's TypeScript transform.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { entryHash } from '../audit/chain.js';

/** @type {{ file: string, task: 'audit' | 'throttle', stop: Int32Array, throttleKey: string }} */
const { file, task, stop, throttleKey } = workerData;
const db = new Database(file);
db.pragma('busy_timeout = 5000');

const lastHash = db.prepare('select hash from audit_log order by id desc limit 1');
const insertEntry = db.prepare(
	'insert into audit_log (created_at, actor_id, actor_role, action, participant_id, detail, prev_hash, hash) values (?, null, null, ?, null, null, ?, ?)'
);
const throttleRow = db.prepare('select failures from throttles where key = ?');
const upsertThrottle = db.prepare(
	'insert into throttles (key, failures, window_started_at) values (?, ?, ?) on conflict (key) do update set failures = excluded.failures'
);

// Both read, then write, the way the app's own transactions do.
const tasks = {
	audit: db.transaction(() => {
		/** @type {{ hash: string } | undefined} */
		const last = /** @type {any} */ (lastHash.get());
		const prevHash = last?.hash ?? '';
		const entry = {
			at: Date.now(),
			actorId: null,
			actorRole: null,
			action: 'test.second_writer',
			participantId: null,
			detail: null
		};
		insertEntry.run(entry.at, entry.action, prevHash, entryHash(prevHash, entry));
	}),
	throttle: db.transaction(() => {
		/** @type {{ failures: number } | undefined} */
		const row = /** @type {any} */ (throttleRow.get(throttleKey));
		upsertThrottle.run(throttleKey, (row?.failures ?? 0) + 1, Date.now());
	})
};

const pause = new Int32Array(new SharedArrayBuffer(4));
let written = 0;
parentPort?.postMessage('ready');
while (Atomics.load(stop, 0) === 0) {
	tasks[task].immediate();
	written += 1;
	// A short gap, as between two requests, so the app's connection gets its turn.
	Atomics.wait(pause, 0, 0, Math.random() * 2);
}
db.close();
parentPort?.postMessage(written);
