import { resolve } from 'node:path';
import * as v from 'valibot';

/**
 * The one place that reads the environment. Read once, on first use (the server's `init` asks first, so a bad
 * value stops the start with a clear message); never at import, because `vite build` imports server modules.
 * PORT, HOST, BODY_SIZE_LIMIT and the *_HEADER settings belong to adapter-node, which reads them itself.
 */
const optional = v.optional(v.pipe(v.string(), v.trim()), '');

const Environment = v.object({
	DATABASE_URL: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('must be a file path')), 'data/tandem.db'),
	MIGRATIONS_DIR: v.optional(v.pipe(v.string(), v.trim(), v.nonEmpty('must be a folder path')), 'drizzle'),
	TANDEM_DATA_DIR: optional,
	ORIGIN: v.optional(
		v.union([
			v.literal(''),
			v.pipe(
				v.string(),
				v.regex(/^https?:\/\/[^/]+/, 'must be a URL like https://tandem.example'),
				v.url('must be a URL like https://tandem.example')
			)
		]),
		''
	),
	TANDEM_DEMO: v.optional(v.picklist(['', '0', '1'], 'must be 1 (seed the demo) or empty'), ''),
	TANDEM_REMINDERS: v.optional(v.picklist(['', 'on', 'off'], 'must be on or off'), ''),
	TANDEM_ADMIN_USERNAME: optional,
	TANDEM_ADMIN_PASSWORD: v.optional(v.string(), ''),
	TANDEM_PUSH_CONTACT: v.optional(
		v.union([v.literal(''), v.pipe(v.string(), v.regex(/^(mailto:|https:)/, 'must start with mailto: or https:'))]),
		''
	),
	TANDEM_DOCUMENT_KEY: v.optional(
		v.union([
			v.literal(''),
			v.pipe(
				v.string(),
				v.check((s) => Buffer.from(s, 'base64').length === 32, 'must be base64 of 32 bytes (openssl rand -base64 32)')
			)
		]),
		''
	)
});

export type Config = {
	/** Absolute path of the SQLite file. */
	databaseFile: string;
	migrationsFolder: string;
	/** Absolute path of the data folder (keys, documents); the database file's folder unless set. */
	dataFolder: string | null;
	origin: string | null;
	seedDemo: boolean;
	remindersOn: boolean;
	bootstrapAdmin: { username: string; password: string } | null;
	pushContact: string | null;
	documentKey: Buffer | null;
};

export function parseConfig(env: Record<string, string | undefined>): Config {
	const result = v.safeParse(Environment, env);
	if (!result.success) {
		const problems = result.issues.map((issue) => `${v.getDotPath(issue) ?? '?'} ${issue.message}`);
		throw new Error(`Tandem cannot start, the environment has bad values:\n  ${problems.join('\n  ')}`);
	}
	const e = result.output;
	const username = e.TANDEM_ADMIN_USERNAME.toLowerCase();
	if (username !== '' && e.TANDEM_ADMIN_PASSWORD.length < 10) {
		throw new Error('Tandem cannot start: TANDEM_ADMIN_PASSWORD must have at least 10 characters');
	}
	return {
		databaseFile: resolve(e.DATABASE_URL),
		migrationsFolder: resolve(e.MIGRATIONS_DIR),
		dataFolder: e.TANDEM_DATA_DIR === '' ? null : resolve(e.TANDEM_DATA_DIR),
		origin: e.ORIGIN === '' ? null : e.ORIGIN,
		seedDemo: e.TANDEM_DEMO === '1',
		remindersOn: e.TANDEM_REMINDERS !== 'off',
		bootstrapAdmin:
			username === '' || e.TANDEM_ADMIN_PASSWORD === '' ? null : { username, password: e.TANDEM_ADMIN_PASSWORD },
		pushContact: e.TANDEM_PUSH_CONTACT === '' ? null : e.TANDEM_PUSH_CONTACT,
		documentKey: e.TANDEM_DOCUMENT_KEY === '' ? null : Buffer.from(e.TANDEM_DOCUMENT_KEY, 'base64')
	};
}

let current: Config | null = null;

export function config(): Config {
	current ??= parseConfig(process.env);
	return current;
}
