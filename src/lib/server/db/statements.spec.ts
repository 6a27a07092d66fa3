import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { db } from '.';
import { keepStatements } from './statements';
import { users } from './schema';

function memory() {
	const sqlite = new Database(':memory:');
	sqlite.exec("create table t (id integer primary key, name text); insert into t (name) values ('a'), ('b');");
	keepStatements(sqlite);
	return sqlite;
}

describe('kept statements', () => {
	it('compiles the same text once', () => {
		const sqlite = memory();
		expect(sqlite.prepare('select name from t')).toBe(sqlite.prepare('select name from t'));
		expect(sqlite.prepare('select name from t')).not.toBe(sqlite.prepare('select id from t'));
	});

	it('hands a reused reader back in plain-row mode, as drizzle expects of a fresh one', () => {
		const sqlite = memory();
		expect(sqlite.prepare('select name from t order by id').raw().all()).toEqual([['a'], ['b']]);
		expect(sqlite.prepare('select name from t order by id').all()).toEqual([{ name: 'a' }, { name: 'b' }]);
	});

	it('never hands out a statement that is still iterating', () => {
		const sqlite = memory();
		const names: string[] = [];
		for (const row of sqlite.prepare('select name from t order by id').iterate() as Iterable<{ name: string }>) {
			names.push(
				...sqlite
					.prepare('select name from t order by id')
					.all()
					.map((r) => (r as { name: string }).name)
			);
			names.push(row.name);
		}
		expect(names).toEqual(['a', 'b', 'a', 'a', 'b', 'b']);
	});

	it('serves drizzle queries through the app connection, schema changes included', async () => {
		const before = await db.select({ id: users.id }).from(users);
		db.$client.exec('create table scratch_statements (x integer)');
		db.$client.exec('drop table scratch_statements');
		expect(await db.select({ id: users.id }).from(users)).toEqual(before);
		expect(db.$client.prepare('select 1 as one').get()).toEqual({ one: 1 });
	});
});
