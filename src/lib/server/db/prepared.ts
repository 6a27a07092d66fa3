/**
 * A query built and compiled once, on first use, for the queries every request runs (the session lookup, the
 * caller's standing to a participant): drizzle otherwise rebuilds the SQL text from the query builder each time.
 * Values go in through `sql.placeholder(name)`. Built lazily because the database opens on first use.
 */
export function preparedOnce<Q>(build: () => Q): () => Q {
	let query: Q | undefined;
	return () => (query ??= build());
}
