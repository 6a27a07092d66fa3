import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { config } from './config';

/**
 * The data folder: the database, push (VAPID) keys, the document key and encrypted files live here, outside
 * the web root. TANDEM_DATA_DIR if set, otherwise the folder of the database file.
 */
export function dataDir(...parts: string[]): string {
	const { dataFolder, databaseFile } = config();
	const dir = join(dataFolder ?? dirname(databaseFile), ...parts);
	// Owner-only: personal files and keys are nobody else's business on a shared host.
	mkdirSync(dir, { recursive: true, mode: 0o700 });
	return dir;
}
