import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { config } from '../config';
import * as schema from './schema';
import { keepStatements } from './statements';

function connect() {
	const file = config().databaseFile;
	mkdirSync(dirname(file), { recursive: true });
	const sqlite = new Database(file);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('foreign_keys = ON');
	// Wait for a concurrent writer instead of failing at once with SQLITE_BUSY.
	sqlite.pragma('busy_timeout = 5000');
	keepStatements(sqlite);
	const db = drizzle(sqlite, { schema });
	// Every transaction here writes, and nearly all read first (the audit chain's last hash, a throttle's count, the
	// next position, the state a conditional update checks). A DEFERRED transaction that read before another
	// connection committed cannot upgrade to a writer and fails at once with SQLITE_BUSY (busy_timeout does not
	// apply); BEGIN IMMEDIATE takes the write lock first, so a second writer waits its turn and then reads fresh
	// rows. Set once here so that no transaction, today's or tomorrow's, can forget it.
	const transactionAsWritten = db.transaction.bind(db);
	db.transaction = ((transaction, options) =>
		transactionAsWritten(transaction, { behavior: 'immediate', ...options })) as typeof db.transaction;
	return db;
}

export type Db = ReturnType<typeof connect>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

let connection: Db | null = null;

function opened(): Db {
	connection ??= connect();
	return connection;
}

/**
 * The database, opened on first use rather than at import: `vite build` imports server modules to analyse
 * them, and a build must neither create nor migrate a database.
 */
export const db: Db = new Proxy({} as Db, {
	get(_, key) {
		const real = opened();
		const value: unknown = Reflect.get(real, key, real);
		return typeof value === 'function' ? value.bind(real) : value;
	}
});

/**
 * Brings the schema up to date. Called where a database is needed outside a request: the server's `init`, the
 * vitest setup and the demo seeder; idempotent, so calling it twice costs one read of the journal.
 */
export function migrateDatabase(): void {
	const db = opened();
	migrate(db, { migrationsFolder: config().migrationsFolder });
	// Fresh statistics for the query planner where they are missing or stale (SQLite's advice for a connection that
	// lives long: 0x10002 at open also analyses tables never analysed, with a limit on the work per table).
	db.$client.pragma('optimize=0x10002');
}

/**
 * SQLite's advice for a connection that lives for weeks: `PRAGMA optimize` every few hours, so the planner's
 * statistics follow tables that grow (a statewide audit log adds a million rows a month). Cheap when nothing
 * changed much; an analysis limit keeps it short when something did.
 */
export function startOptimizer(intervalMs = 6 * 60 * 60 * 1000): void {
	const timer = setInterval(() => {
		const sqlite = opened().$client;
		sqlite.pragma('analysis_limit = 1000');
		sqlite.pragma('optimize');
	}, intervalMs);
	timer.unref();
}

export function databaseIsReachable(): boolean {
	try {
		return opened().$client.prepare('select 1 as ok').get() !== undefined;
	} catch {
		return false;
	}
}

/** A write refused by a unique index (drizzle may wrap the driver's error in its own). */
export function isUniqueViolation(e: unknown): boolean {
	for (let cause = e; cause instanceof Error; cause = cause.cause) {
		if ('code' in cause && cause.code === 'SQLITE_CONSTRAINT_UNIQUE') return true;
	}
	return false;
}
