import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The data folder: the database, push (VAPID) keys, the document key and encrypted files live here, outside
 * the web root. TANDEM_DATA_DIR if set, otherwise the folder of the database file.
 */
export function dataDir(...parts: string[]): string {
	const root = resolve(process.env.TANDEM_DATA_DIR ?? dirname(resolve(process.env.DATABASE_URL ?? 'data/tandem.db')));
	const dir = join(root, ...parts);
	// Owner-only: personal files and keys are nobody else's business on a shared host.
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	return dir;
}
