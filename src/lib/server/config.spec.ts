import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from './config';

describe('config', () => {
	it('has working defaults for an empty environment', () => {
		const c = parseConfig({});
		expect(c.databaseFile).toBe(resolve('data/tandem.db'));
		expect(c.migrationsFolder).toBe(resolve('drizzle'));
		expect(c.dataFolder).toBeNull();
		expect(c.seedDemo).toBe(false);
		expect(c.remindersOn).toBe(true);
		expect(c.bootstrapAdmin).toBeNull();
		expect(c.documentKey).toBeNull();
	});

	it('reads every setting', () => {
		const key = Buffer.alloc(32, 7).toString('base64');
		const c = parseConfig({
			DATABASE_URL: '/srv/tandem/db.sqlite',
			TANDEM_DATA_DIR: '/srv/tandem/files',
			ORIGIN: 'https://tandem.example',
			TANDEM_DEMO: '1',
			TANDEM_REMINDERS: 'off',
			TANDEM_ADMIN_USERNAME: ' Admin ',
			TANDEM_ADMIN_PASSWORD: 'long enough password',
			TANDEM_PUSH_CONTACT: 'mailto:it@example.org',
			TANDEM_DOCUMENT_KEY: key
		});
		expect(c).toMatchObject({
			databaseFile: '/srv/tandem/db.sqlite',
			dataFolder: '/srv/tandem/files',
			origin: 'https://tandem.example',
			seedDemo: true,
			remindersOn: false,
			bootstrapAdmin: { username: 'admin', password: 'long enough password' },
			pushContact: 'mailto:it@example.org'
		});
		expect(c.documentKey?.equals(Buffer.alloc(32, 7))).toBe(true);
	});

	it('names every bad value at once', () => {
		const bad = () =>
			parseConfig({
				ORIGIN: 'localhost:3000',
				TANDEM_DEMO: 'yes',
				TANDEM_PUSH_CONTACT: 'it@example.org',
				TANDEM_DOCUMENT_KEY: 'c2hvcnQ='
			});
		expect(bad).toThrow(/ORIGIN must be a URL/);
		expect(bad).toThrow(/TANDEM_DEMO must be 1/);
		expect(bad).toThrow(/TANDEM_PUSH_CONTACT must start with mailto: or https:/);
		expect(bad).toThrow(/TANDEM_DOCUMENT_KEY must be base64 of 32 bytes/);
	});

	it('refuses a first admin with a short password', () => {
		expect(() => parseConfig({ TANDEM_ADMIN_USERNAME: 'admin', TANDEM_ADMIN_PASSWORD: 'short' })).toThrow(
			/TANDEM_ADMIN_PASSWORD must have at least 10 characters/
		);
	});
});
