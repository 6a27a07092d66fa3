import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { config } from '../config';
import { createFileOnce, dataDir } from '../data-dir';

// Format of a stored file: version byte, 12-byte IV, 16-byte GCM tag, ciphertext. The storage key is the
// additional authenticated data, so a file copied under another name does not decrypt.
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
const STORAGE_KEY = /^[0-9a-f]{32}$/;

let cachedKey: Buffer | null = null;

/**
 * The AES-256 key: TANDEM_DOCUMENT_KEY (base64 of 32 bytes) if set, otherwise a key file in the data folder,
 * created owner-only on first use. Losing the key means losing every stored document: back it up.
 */
export function documentKey(): Buffer {
	if (cachedKey !== null) return cachedKey;
	let key = config().documentKey;
	if (key === null) {
		const file = join(dataDir(), 'document.key');
		key = Buffer.from(createFileOnce(file, () => randomBytes(32).toString('base64')).trim(), 'base64');
	}
	if (key.length !== 32) {
		throw new Error('The document key must be 32 bytes, base64-encoded (TANDEM_DOCUMENT_KEY or document.key)');
	}
	cachedKey = key;
	return key;
}

export function newStorageKey(): string {
	return randomBytes(16).toString('hex');
}

export function encrypt(plain: Buffer, storageKey: string): Buffer {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', documentKey(), iv);
	cipher.setAAD(Buffer.from(storageKey));
	const body = Buffer.concat([cipher.update(plain), cipher.final()]);
	return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function decrypt(stored: Buffer, storageKey: string): Buffer {
	if (stored.length < HEADER_BYTES || stored[0] !== VERSION) throw new Error('Not a Tandem document file');
	const decipher = createDecipheriv('aes-256-gcm', documentKey(), stored.subarray(1, 1 + IV_BYTES));
	decipher.setAAD(Buffer.from(storageKey));
	decipher.setAuthTag(stored.subarray(1 + IV_BYTES, HEADER_BYTES));
	return Buffer.concat([decipher.update(stored.subarray(HEADER_BYTES)), decipher.final()]);
}

function pathOf(storageKey: string): string {
	// Keys are generated here; the check keeps a tampered row from ever naming a path outside the folder.
	if (!STORAGE_KEY.test(storageKey)) throw new Error('Invalid storage key');
	return join(dataDir('documents'), storageKey);
}

/** Encrypts and writes under a temporary name, then renames: a crash never leaves half a file under a real name. */
export async function store(storageKey: string, plain: Buffer): Promise<void> {
	const target = pathOf(storageKey);
	const temporary = `${target}.${randomBytes(4).toString('hex')}.tmp`;
	try {
		await writeFile(temporary, encrypt(plain, storageKey), { flag: 'wx', mode: 0o600 });
		await rename(temporary, target);
	} catch (e) {
		await rm(temporary, { force: true });
		throw e;
	}
}

export async function load(storageKey: string): Promise<Buffer> {
	return decrypt(await readFile(pathOf(storageKey)), storageKey);
}

export async function remove(storageKeys: readonly string[]): Promise<void> {
	await Promise.all(storageKeys.map((key) => rm(pathOf(key), { force: true })));
}

// A statewide installation keeps half a million files: asking the database about them in batches keeps the
// sweep to about a thousand indexed queries instead of one query per file.
const SWEEP_BATCH = 500;

/**
 * At start: temporary files of interrupted uploads, and files no row points to (a crash between writing the
 * files and committing the rows), older than a minute so that nothing in flight is touched. `referencedOf`
 * answers, for a batch of storage keys, those a row points to.
 */
export async function sweepStorage(
	referencedOf: (storageKeys: string[]) => Promise<ReadonlySet<string>>,
	now = Date.now()
): Promise<number> {
	const dir = dataDir('documents');
	const names = await readdir(dir);
	let removed = 0;
	for (let start = 0; start < names.length; start += SWEEP_BATCH) {
		const batch = names.slice(start, start + SWEEP_BATCH);
		const keys = batch.filter((name) => STORAGE_KEY.test(name));
		const referenced = keys.length === 0 ? new Set<string>() : await referencedOf(keys);
		// The sweep runs beside the first requests: let them in between batches.
		await setImmediate();
		for (const name of batch) {
			const orphan = name.endsWith('.tmp') || (STORAGE_KEY.test(name) && !referenced.has(name));
			if (!orphan) continue;
			const path = join(dir, name);
			const info = await stat(path).catch(() => null);
			if (info === null || !info.isFile() || now - info.mtimeMs < 60_000) continue;
			await rm(path, { force: true });
			removed++;
		}
	}
	return removed;
}
