import { and, desc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import { db } from '../db';
import { auditLog, users } from '../db/schema';
import type { AccessTo } from '../policy';

/**
 * "Who saw my data": every entry about this participant written by someone else — looks, changes, prints —
 * and every list in which their name was shown to staff.
 */
export async function accessesTo(access: AccessTo<'rights'>, ownUserId: string | null, limit = 200) {
	const { participantId } = access;
	const shownInList = sql`exists (select 1 from json_each(${auditLog.detail}, '$.shown') where value = ${participantId})`;
	return db
		.select({
			id: auditLog.id,
			at: auditLog.at,
			action: auditLog.action,
			actorName: users.displayName,
			actorRole: auditLog.actorRole
		})
		.from(auditLog)
		.leftJoin(users, eq(auditLog.actorId, users.id))
		.where(
			and(
				or(eq(auditLog.participantId, participantId), and(eq(auditLog.action, 'caseload.viewed'), shownInList)),
				ownUserId === null ? undefined : or(isNull(auditLog.actorId), ne(auditLog.actorId, ownUserId))
			)
		)
		.orderBy(desc(auditLog.id))
		.limit(limit);
}
