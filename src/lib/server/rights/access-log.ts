import { and, asc, count, desc, eq, gt, isNull, lt, ne, or, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { auditLog, auditSubjects, users } from '../db/schema';
import type { AccessTo } from '../policy';

/** Where a page of the log starts: the newest entries, or those older or newer than an entry already shown. */
export type AccessCursor = { from: 'newest' } | { from: 'before'; id: number } | { from: 'after'; id: number };

export const ACCESS_PAGE_SIZE = 50;

/** Reads `?before=<id>` or `?after=<id>`; anything else (also a malformed id) starts at the newest entries. */
export function accessCursorFrom(params: URLSearchParams): AccessCursor {
	for (const from of ['before', 'after'] as const) {
		const value = params.get(from);
		if (value !== null && /^[1-9]\d{0,15}$/.test(value)) return { from, id: Number(value) };
	}
	return { from: 'newest' };
}

/**
 * "Who saw my data": every entry about this participant written by someone else — looks, changes, prints —
 * and every list in which their name was shown to staff. Found through the indexed `audit_subjects`.
 */
function aboutBySomeoneElse(participantId: string, ownUserId: string | null, key?: SQL): SQL | undefined {
	return and(
		eq(auditSubjects.participantId, participantId),
		key,
		ownUserId === null ? undefined : or(isNull(auditLog.actorId), ne(auditLog.actorId, ownUserId))
	);
}

function entriesWhere(where: SQL | undefined, newestFirst: boolean, limit: number) {
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			actorName: users.displayName,
			actorRole: auditLog.actorRole
		})
		.from(auditSubjects)
		.innerJoin(auditLog, eq(auditLog.id, auditSubjects.auditId))
		.leftJoin(users, eq(auditLog.actorId, users.id))
		.where(where)
		.orderBy(newestFirst ? desc(auditSubjects.auditId) : asc(auditSubjects.auditId))
		.limit(limit);
}

export type AccessEntry = Awaited<ReturnType<typeof entriesWhere>>[number];

/** Every entry, newest first (the JSON download); `limit` only as a safety net. */
export async function accessesTo(access: AccessTo<'rights'>, ownUserId: string | null, limit = 100_000) {
	return entriesWhere(aboutBySomeoneElse(access.participantId, ownUserId), true, limit);
}

export async function countAccessesTo(access: AccessTo<'rights'>, ownUserId: string | null): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(auditSubjects)
		.innerJoin(auditLog, eq(auditLog.id, auditSubjects.auditId))
		.where(aboutBySomeoneElse(access.participantId, ownUserId));
	return row.n;
}

export type AccessPage = {
	entries: AccessEntry[];
	/** The entry ids the next links start from, or null where nothing is left in that direction. */
	newerThan: number | null;
	olderThan: number | null;
};

function keyOf(cursor: AccessCursor): SQL | undefined {
	if (cursor.from === 'newest') return undefined;
	return cursor.from === 'after' ? gt(auditSubjects.auditId, cursor.id) : lt(auditSubjects.auditId, cursor.id);
}

/** The query behind one page (exported so a test can read its plan): one more row than asked tells "more". */
export function accessPageQuery(
	access: AccessTo<'rights'>,
	ownUserId: string | null,
	cursor: AccessCursor,
	size: number
) {
	const where = aboutBySomeoneElse(access.participantId, ownUserId, keyOf(cursor));
	return entriesWhere(where, cursor.from !== 'after', size + 1);
}

/** One page of the log, newest first, by key: a page deep in the log costs what the first one costs. */
export async function accessPage(
	access: AccessTo<'rights'>,
	ownUserId: string | null,
	cursor: AccessCursor,
	size = ACCESS_PAGE_SIZE
): Promise<AccessPage> {
	const towardsNewer = cursor.from === 'after';
	const rows = await accessPageQuery(access, ownUserId, cursor, size);
	const more = rows.length > size;
	const entries = rows.slice(0, size);
	if (towardsNewer) {
		entries.reverse();
	}
	if (entries.length === 0) {
		return { entries, newerThan: null, olderThan: null };
	}
	const newest = entries[0].id;
	const oldest = entries[entries.length - 1].id;
	const exists = async (next: AccessCursor) => (await accessPageQuery(access, ownUserId, next, 0)).length > 0;
	const newerLeft = towardsNewer ? more : cursor.from !== 'newest' && (await exists({ from: 'after', id: newest }));
	const olderLeft = towardsNewer ? await exists({ from: 'before', id: oldest }) : more;
	return { entries, newerThan: newerLeft ? newest : null, olderThan: olderLeft ? oldest : null };
}
