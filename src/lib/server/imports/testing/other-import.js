// Another server process importing the same draft, with its own connection to the same SQLite file: the same
// conditional mark the app's import starts with (imports/run.ts). Plain JavaScript: a worker runs outside vitest's
// TypeScript transform.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

/** @type {{ file: string, draftId: string, organisationId: string, userId: string, start: Int32Array }} */
const { file, draftId, organisationId, userId, start } = workerData;
const db = new Database(file);
db.pragma('busy_timeout = 5000');
db.pragma('foreign_keys = ON');

const importId = crypto.randomUUID();
const take = db.transaction(() => {
	db.prepare(
		`insert into imports (id, organisation_id, file_name, file_sha256, row_count, created_count, duplicate_count,
		 refused_count, imported_by) values (?, ?, 'other.csv', '', 0, 0, 0, 0, ?)`
	).run(importId, organisationId, userId);
	const taken = db
		.prepare(`update import_drafts set import_id = ?, rows = '[]' where id = ? and import_id is null`)
		.run(importId, draftId);
	// Lost the race: undo the import row too, as the app's transaction does.
	if (taken.changes !== 1) throw new Error('already imported');
});

parentPort?.postMessage('ready');
// Both sides start together: the test releases this wait and calls runImport at the same moment.
Atomics.wait(start, 0, 0);
let won = true;
try {
	take.immediate();
} catch {
	won = false;
}
db.close();
parentPort?.postMessage(won);
