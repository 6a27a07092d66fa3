import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

// process.env rather than $env: the same module runs in the built server, vitest and the demo seeder.
const file = resolve(process.env.DATABASE_URL ?? 'data/tandem.db');
mkdirSync(dirname(file), { recursive: true });

const sqlite = new Database(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('foreign_keys = ON');
// Wait for a concurrent writer instead of failing at once with SQLITE_BUSY.
sqlite.pragma('busy_timeout = 5000');

export const db = drizzle(sqlite, { schema });
export type Db = typeof db;

// Every transaction here writes, and nearly all read first (the audit chain's last hash, a throttle's count, the
// next position, the state a conditional update checks). A DEFERRED transaction that read before another
// connection committed cannot upgrade to a writer and fails at once with SQLITE_BUSY (busy_timeout does not
// apply); BEGIN IMMEDIATE takes the write lock first, so a second writer waits its turn and then reads fresh rows.
// Set once here so that no transaction, today's or tomorrow's, can forget it.
const transactionAsWritten = db.transaction.bind(db);
db.transaction = ((transaction, config) =>
	transactionAsWritten(transaction, { behavior: 'immediate', ...config })) as typeof db.transaction;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

migrate(db, { migrationsFolder: resolve(process.env.MIGRATIONS_DIR ?? 'drizzle') });

export function databaseIsReachable(): boolean {
	try {
		return sqlite.prepare('select 1 as ok').get() !== undefined;
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
