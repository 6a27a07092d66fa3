import { randomUUID } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
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

/**
 * Creates a key file once and returns what it holds. Two processes starting at once must agree on one key:
 * the content is written to a private temporary file first and then linked into place, which either creates
 * the complete file or fails with EEXIST — then the other process's file is read. Nobody reads a half-written key.
 */
export function createFileOnce(file: string, create: () => string): string {
	if (existsSync(file)) return readFileSync(file, 'utf8');
	const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
	writeFileSync(temporary, create(), { flag: 'wx', mode: 0o600 });
	try {
		linkSync(temporary, file);
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
	} finally {
		unlinkSync(temporary);
	}
	return readFileSync(file, 'utf8');
}
