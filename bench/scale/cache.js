// Generated installations are kept under bench/results/, keyed by a hash of the generator, so a rerun reuses
// them and a change to the generator generates afresh. A new migration does not: the server migrates a kept
// installation forward when it starts on it, as an upgrade would (a generator that no longer fits the schema
// fails loudly and must be changed, which changes the key).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from './generate.js';

function filesUnder(dir) {
	return readdirSync(dir, { recursive: true })
		.map((name) => join(dir, String(name)))
		.filter((path) => statSync(path).isFile())
		.sort();
}

export function cacheKey(root) {
	const digest = createHash('sha256');
	for (const path of filesUnder(join(root, 'bench/scale'))) {
		digest.update(path.slice(root.length)).update(readFileSync(path));
	}
	return digest.digest('hex').slice(0, 12);
}

/**
 * The folder of a generated installation (tandem.db and its documents/ folder), generated first if missing.
 * The document folder holds an empty file per stored file and thumbnail (the start-up sweep only reads names),
 * and a few leftovers of interrupted uploads for it to find.
 */
export async function installation(root, size) {
	const dir = join(root, 'bench/results', `scale-${cacheKey(root)}`, String(size));
	const db = join(dir, 'tandem.db');
	if (existsSync(join(dir, 'done'))) return { dir, db, generated: null };
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(join(dir, 'documents'), { recursive: true });
	console.log(`generating ${size.toLocaleString('en')} participants into ${dir}`);
	const { ms, storageKeys } = await generate(root, `${db}.part`, size, (line) => console.log(line));
	const started = Date.now();
	for (const key of storageKeys) writeFileSync(join(dir, 'documents', key), '');
	for (let i = 0; i < 5; i++)
		writeFileSync(join(dir, 'documents', `${createHash('md5').update(`left over ${i}`).digest('hex')}`), '');
	writeFileSync(join(dir, 'documents', 'interrupted.tmp'), '');
	renameSync(`${db}.part`, db);
	const generated = { ms: ms + Date.now() - started, files: storageKeys.length, bytes: statSync(db).size };
	writeFileSync(join(dir, 'done'), JSON.stringify(generated));
	return { dir, db, generated };
}
