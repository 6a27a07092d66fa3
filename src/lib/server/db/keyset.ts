import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PagerData } from '$lib/pagination';

/** Every list shows at most this many rows; deeper pages cost what the first one costs. */
export const PAGE_SIZE = 50;

/** Sort key values as stored (strings, numbers; timestamps in milliseconds). Sort columns are NOT NULL. */
export type KeyValue = string | number;

type Cursor = { towards: 'next' | 'previous'; key: KeyValue[]; offset: number };

/**
 * Signs cursors so that a link cannot be edited into an arbitrary position or carried to another list. The key
 * lives in this process only: a cursor from before a restart is stale and shows the first page, as any other
 * cursor that does not check. Tampering could never show more than the list's own access scope anyway.
 */
const secret = randomBytes(32);

function signature(list: string, payload: string): string {
	return createHmac('sha256', secret).update(`${list}\0${payload}`).digest().subarray(0, 12).toString('base64url');
}

export function encodeCursor(list: string, cursor: Cursor): string {
	const payload = Buffer.from(JSON.stringify([cursor.towards, cursor.offset, ...cursor.key])).toString('base64url');
	return `${payload}.${signature(list, payload)}`;
}

/** The cursor a link carried, or null (the first page) for none, a malformed, a forged or a stale one. */
export function decodeCursor(list: string, text: string | null, keyLength: number): Cursor | null {
	if (text === null || text.length > 2048) return null;
	const [payload, mac, extra] = text.split('.');
	if (payload === undefined || mac === undefined || extra !== undefined) return null;
	// Compared as text: Buffer's base64 decoding skips stray characters, so "<mac>x" would pass as bytes.
	const given = Buffer.from(mac);
	const expected = Buffer.from(signature(list, payload));
	if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
	} catch {
		return null;
	}
	if (!Array.isArray(parsed) || parsed.length !== keyLength + 2) return null;
	const [towards, offset, ...key] = parsed as unknown[];
	if (towards !== 'next' && towards !== 'previous') return null;
	if (typeof offset !== 'number' || !Number.isSafeInteger(offset) || offset < 0) return null;
	if (!key.every((k) => typeof k === 'string' || (typeof k === 'number' && Number.isFinite(k)))) return null;
	return { towards, offset, key: key as KeyValue[] };
}

export type Page<Row> = PagerData & { rows: Row[] };

export type KeysetQuery<Row> = {
	/** Names the list inside its cursors, so a cursor of one list is stale in another. */
	list: string;
	cursor: string | null;
	/** The sort key, most significant first; the last column is unique (an id), so the order is total. */
	columns: SQLWrapper[];
	descending?: boolean;
	keyOf: (row: Row) => KeyValue[];
	/** Reads rows under the list's own conditions `and` the key condition, in the given order, up to the limit. */
	rows: (key: SQL | undefined, orderBy: SQL[], limit: number) => Promise<Row[]>;
	/** `count(*)` under the same conditions, without the key condition. */
	count: () => Promise<number>;
	size?: number;
};

/** Row-value comparison: SQLite reads it as one range over an index on the leading sort columns. */
export function keyCondition(columns: SQLWrapper[], key: KeyValue[], greater: boolean): SQL {
	const values = sql.join(
		key.map((k) => sql`${k}`),
		sql`, `
	);
	return sql`(${sql.join(columns, sql`, `)}) ${greater ? sql`>` : sql`<`} (${values})`;
}

/** One page of a list by key, with the total: next and previous are opaque cursors, or null at either end. */
export async function keysetPage<Row>(query: KeysetQuery<Row>): Promise<Page<Row>> {
	const size = query.size ?? PAGE_SIZE;
	const cursor = decodeCursor(query.list, query.cursor, query.columns.length);
	const [first, total] = await Promise.all([read(query, cursor, size), query.count()]);
	// A cursor past rows removed meanwhile, or before the start: the first page rather than an empty one.
	const page = cursor !== null && first.rows.length < size && first.atStart ? await read(query, null, size) : first;
	const from = page.rows.length === 0 ? 0 : Math.min(page.offset + 1, total);
	const to = Math.min(page.offset + page.rows.length, total);
	const last = page.rows.at(-1);
	const head = page.rows[0];
	return {
		rows: page.rows,
		total,
		from,
		to,
		next:
			page.more && last !== undefined
				? encodeCursor(query.list, { towards: 'next', key: query.keyOf(last), offset: page.offset + page.rows.length })
				: null,
		previous:
			!page.atStart && head !== undefined
				? encodeCursor(query.list, {
						towards: 'previous',
						key: query.keyOf(head),
						offset: Math.max(0, page.offset - size)
					})
				: null
	};
}

type Read<Row> = { rows: Row[]; offset: number; more: boolean; atStart: boolean };

async function read<Row>(query: KeysetQuery<Row>, cursor: Cursor | null, size: number): Promise<Read<Row>> {
	const forward = cursor === null || cursor.towards === 'next';
	// Going back reads the rows before the key in reverse order, then turns them round.
	const ascending = forward !== (query.descending ?? false);
	const key = cursor === null ? undefined : keyCondition(query.columns, cursor.key, ascending);
	const orderBy = query.columns.map((c) => (ascending ? sql`${c} asc` : sql`${c} desc`));
	const fetched = await query.rows(key, orderBy, size + 1);
	const overflow = fetched.length > size;
	const rows = fetched.slice(0, size);
	if (forward) {
		return { rows, offset: cursor?.offset ?? 0, more: overflow, atStart: cursor === null || rows.length === 0 };
	}
	rows.reverse();
	// Fewer than a page before the key: these are the first rows, whatever offset the link remembered.
	return { rows, offset: overflow ? cursor.offset : 0, more: true, atStart: !overflow };
}
