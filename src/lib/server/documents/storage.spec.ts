import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { dataDir } from '../data-dir';
import { decrypt, documentKey, encrypt, load, newStorageKey, remove, store, sweepStorage } from './storage';

describe('encryption at rest', () => {
	it('creates an owner-only key file on first use and keeps using it', () => {
		const key = documentKey();
		const file = join(dataDir(), 'document.key');
		expect(key).toHaveLength(32);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(Buffer.from(readFileSync(file, 'utf8'), 'base64').equals(key)).toBe(true);
	});

	it('takes the key from TANDEM_DOCUMENT_KEY when set, and refuses one of the wrong length', async () => {
		const key = randomBytes(32);
		vi.stubEnv('TANDEM_DOCUMENT_KEY', key.toString('base64'));
		vi.resetModules();
		try {
			expect((await import('./storage')).documentKey().equals(key)).toBe(true);
			vi.stubEnv('TANDEM_DOCUMENT_KEY', randomBytes(16).toString('base64'));
			vi.resetModules();
			const fresh = await import('./storage');
			expect(() => fresh.documentKey()).toThrow('32 bytes');
		} finally {
			vi.unstubAllEnvs();
			vi.resetModules();
		}
	});

	it('round-trips a file, and the stored bytes are not the plain file', async () => {
		const plain = Buffer.from('Aufenthaltserlaubnis gültig bis 31.01.2027 — Amina Al-Hassan '.repeat(50));
		const key = newStorageKey();
		await store(key, plain);
		const onDisk = readFileSync(join(dataDir('documents'), key));
		expect(onDisk.equals(plain)).toBe(false);
		expect(onDisk.includes(Buffer.from('Aufenthaltserlaubnis'))).toBe(false);
		expect(onDisk.includes(Buffer.from('Amina'))).toBe(false);
		expect(onDisk.length).toBe(plain.length + 29);
		expect((await load(key)).equals(plain)).toBe(true);
		expect(statSync(join(dataDir('documents'), key)).mode & 0o777).toBe(0o600);
	});

	it('uses a fresh IV each time, so the same file never looks the same twice', () => {
		const plain = Buffer.from('same letter');
		expect(encrypt(plain, 'a'.repeat(32)).equals(encrypt(plain, 'a'.repeat(32)))).toBe(false);
	});

	it('refuses a changed byte and a file moved to another name', () => {
		const key = newStorageKey();
		const sealed = encrypt(Buffer.from('secret'), key);
		const tampered = Buffer.from(sealed);
		tampered[tampered.length - 1] ^= 1;
		expect(() => decrypt(tampered, key)).toThrow();
		expect(() => decrypt(sealed, newStorageKey())).toThrow();
		expect(decrypt(sealed, key).toString()).toBe('secret');
	});

	it('leaves no temporary files, and removing deletes the file', async () => {
		const key = newStorageKey();
		await store(key, Buffer.from('page'));
		expect(readdirSync(dataDir('documents')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
		await remove([key]);
		expect(existsSync(join(dataDir('documents'), key))).toBe(false);
	});

	it('never names a path outside the documents folder', async () => {
		await expect(load('../document.key')).rejects.toThrow('Invalid storage key');
	});

	it('sweeps what an interrupted upload left behind, but nothing in use or in flight', async () => {
		const dir = dataDir('documents');
		const kept = newStorageKey();
		const orphan = newStorageKey();
		const fresh = newStorageKey();
		await store(kept, Buffer.from('kept'));
		await store(orphan, Buffer.from('orphan'));
		await store(fresh, Buffer.from('fresh'));
		writeFileSync(join(dir, `${kept}.abcd.tmp`), 'half');
		const old = new Date(Date.now() - 5 * 60_000);
		for (const name of [kept, orphan, `${kept}.abcd.tmp`]) utimesSync(join(dir, name), old, old);
		const removed = await sweepStorage(async (keys) => new Set(keys.filter((key) => key === kept)));
		expect(removed).toBe(2);
		expect(existsSync(join(dir, kept))).toBe(true);
		expect(existsSync(join(dir, fresh))).toBe(true);
		expect(existsSync(join(dir, orphan))).toBe(false);
		expect(existsSync(join(dir, `${kept}.abcd.tmp`))).toBe(false);
	});
});
