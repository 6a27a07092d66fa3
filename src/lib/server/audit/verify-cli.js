#!/usr/bin/env node
// `npm run audit:verify`: recomputes the audit log's hash chain and names the first entry that was changed,
// removed or inserted afterwards. Exit code 0 when intact, 1 when broken.
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { verifyChain } from './chain.js';

// Its own read of DATABASE_URL (same default as src/lib/server/config.ts): a plain Node script that runs without
// the app's build, so it cannot import the TypeScript config. It opens the file read-only and never migrates:
// a verifier must not change the evidence it checks.
const file = resolve(process.env.DATABASE_URL ?? 'data/tandem.db');
const db = new Database(file, { readonly: true, fileMustExist: true });
/** @type {Iterable<any>} */
const rows = db
	.prepare(
		'select id, created_at as at, actor_id as actorId, actor_role as actorRole, action, participant_id as participantId, detail, prev_hash as prevHash, hash from audit_log order by id'
	)
	.iterate();
const { checked, broken } = verifyChain(rows);
if (broken === null) {
	console.log(`audit log intact: ${checked} entries verified (${file})`);
} else {
	const when = new Date(broken.at).toISOString();
	const what =
		broken.reason === 'link'
			? 'does not link to the entry before it (an entry was removed or inserted)'
			: 'was changed after it was written';
	console.log(`audit log BROKEN at entry ${broken.id} (${when}): it ${what}. ${checked} entries before it are intact.`);
	process.exitCode = 1;
}
