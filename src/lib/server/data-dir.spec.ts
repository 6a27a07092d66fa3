import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileOnce, dataDir } from './data-dir';
import { vapidKeys } from './push';

describe('key files made once', () => {
	it('keeps the key of a process that created the file first, without failing', () => {
		const file = join(dataDir('race'), 'key');
		// The other process wins the race while this one is still generating its key.
		const held = createFileOnce(file, () => {
			writeFileSync(file, 'theirs', { flag: 'wx' });
			return 'mine';
		});
		expect(held).toBe('theirs');
		expect(readFileSync(file, 'utf8')).toBe('theirs');
		expect(readdirSync(dataDir('race'))).toEqual(['key']);
	});

	it('creates the file owner-only and reads it back the next time', () => {
		const file = join(dataDir('fresh'), 'key');
		expect(createFileOnce(file, () => 'first')).toBe('first');
		expect(createFileOnce(file, () => 'second')).toBe('first');
	});

	it('push keys come from the one key file in the data folder', () => {
		const keys = vapidKeys();
		expect(JSON.parse(readFileSync(join(dataDir(), 'vapid.json'), 'utf8'))).toEqual(keys);
	});
});
