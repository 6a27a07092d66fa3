// Plain JavaScript so the same hashing runs in the app and in `npm run audit:verify` without a build.
import { createHash } from 'node:crypto';

/**
 * The hash of one audit entry, chained to the previous entry's hash.
 * @param {string} prevHash
 * @param {{ at: number, actorId: string | null, actorRole: string | null, action: string, participantId: string | null, detail: unknown }} entry
 * @returns {string}
 */
export function entryHash(prevHash, entry) {
	const canonical = JSON.stringify([
		entry.at,
		entry.actorId,
		entry.actorRole,
		entry.action,
		entry.participantId,
		entry.detail ?? null
	]);
	return createHash('sha256').update(`${prevHash}\n${canonical}`).digest('hex');
}

/**
 * Walks the log in order and returns the first entry whose hash or link does not match, or null.
 * @param {Iterable<{ id: number, at: number, actorId: string | null, actorRole: string | null, action: string, participantId: string | null, detail: string | null, prevHash: string, hash: string }>} rows
 * @returns {{ checked: number, broken: null | { id: number, at: number, reason: 'hash' | 'link' } }}
 */
export function verifyChain(rows) {
	let previous = '';
	let checked = 0;
	for (const row of rows) {
		if (row.prevHash !== previous) return { checked, broken: { id: row.id, at: row.at, reason: 'link' } };
		const detail = row.detail === null ? null : JSON.parse(row.detail);
		if (entryHash(row.prevHash, { ...row, detail }) !== row.hash)
			return { checked, broken: { id: row.id, at: row.at, reason: 'hash' } };
		previous = row.hash;
		checked += 1;
	}
	return { checked, broken: null };
}
