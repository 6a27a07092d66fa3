import type { Database, Statement } from 'better-sqlite3';

// Enough for every distinct query the app runs (about 300, counting each length of an IN list once) without
// letting a long tail of one-off statements grow without bound.
const MAX_STATEMENTS = 1000;

/**
 * Keeps each compiled statement for reuse. drizzle's better-sqlite3 driver prepares every query afresh, and
 * compiling the SQL was a fifth of a page's server time; the same text now compiles once per process. SQLite
 * recompiles a kept statement by itself when the schema changes, so migrations need no care.
 *
 * A kept statement carries the mode its last user set: drizzle switches selects to raw (array) rows and never
 * back, so a reused reader is reset to plain rows, as a freshly prepared one would be. A statement still busy
 * (an open iterator) is never handed out twice: that caller gets a fresh one.
 */
export function keepStatements(sqlite: Database): void {
	const prepare = sqlite.prepare.bind(sqlite);
	const kept = new Map<string, Statement>();
	sqlite.prepare = ((source: string) => {
		const statement = kept.get(source);
		if (statement !== undefined && !statement.busy) {
			// Most recently used last, so the oldest is the first to go.
			kept.delete(source);
			kept.set(source, statement);
			if (statement.reader) statement.raw(false);
			return statement;
		}
		const fresh = prepare(source);
		if (statement === undefined) {
			if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value!);
			kept.set(source, fresh);
		}
		return fresh;
	}) as Database['prepare'];
}
