import { and, count, desc, eq, isNull, ne, or, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { keysetPage, PAGE_SIZE } from '../db/keyset';
import { auditLog, auditSubjects, users } from '../db/schema';
import type { AccessTo } from '../policy';

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

function entriesWhere(where: SQL | undefined, orderBy: SQL[], limit: number) {
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			actorId: auditLog.actorId,
			actorName: users.displayName,
			actorRole: auditLog.actorRole
		})
		.from(auditSubjects)
		.innerJoin(auditLog, eq(auditLog.id, auditSubjects.auditId))
		.leftJoin(users, eq(auditLog.actorId, users.id))
		.where(where)
		.orderBy(...orderBy)
		.limit(limit);
}

export type AccessEntry = Awaited<ReturnType<typeof entriesWhere>>[number];

/** Every entry, newest first (the JSON download); `limit` only as a safety net. */
export async function accessesTo(access: AccessTo<'rights'>, ownUserId: string | null, limit = 100_000) {
	return entriesWhere(aboutBySomeoneElse(access.participantId, ownUserId), [desc(auditSubjects.auditId)], limit);
}

export async function countAccessesTo(access: AccessTo<'rights'>, ownUserId: string | null): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(auditSubjects)
		.innerJoin(auditLog, eq(auditLog.id, auditSubjects.auditId))
		.where(aboutBySomeoneElse(access.participantId, ownUserId));
	return row.n;
}

/** The query behind one page (exported so a test can read its plan): the key condition from db/keyset.ts. */
export function accessPageQuery(
	access: AccessTo<'rights'>,
	ownUserId: string | null,
	key: SQL | undefined,
	orderBy: SQL[],
	limit: number
) {
	return entriesWhere(aboutBySomeoneElse(access.participantId, ownUserId, key), orderBy, limit);
}

/** One page of the log, newest first, by key: a page deep in the log costs what the first one costs. */
export async function accessPage(
	access: AccessTo<'rights'>,
	ownUserId: string | null,
	cursor: string | null,
	size = PAGE_SIZE
) {
	return keysetPage({
		size,
		list: 'access-log',
		cursor,
		columns: [auditSubjects.auditId],
		descending: true,
		keyOf: (entry: AccessEntry) => [entry.id],
		rows: (key, orderBy, limit) => accessPageQuery(access, ownUserId, key, orderBy, limit),
		count: () => countAccessesTo(access, ownUserId)
	});
}
