import { error } from '@sveltejs/kit';
import { and, count, eq, isNull, type SQL } from 'drizzle-orm';
import { recordAudit } from '../audit';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { caseRequests, cases, participants, users } from '../db/schema';
import { caseloadCondition, type Actor } from '../policy';

/**
 * The team lead's list of what waits for sign-off: open extension and closure requests on cases of the
 * lead's organisation, oldest first, 50 at a time. Audited like the caseload: it shows people by name.
 */
export async function openRequestsPage(actor: Actor, cursor: string | null) {
	const organisation = actor.role === 'lead' ? caseloadCondition(actor) : null;
	if (organisation === null) error(404, 'error.not_found');
	const where = (key?: SQL) => and(isNull(caseRequests.outcome), organisation, key);
	const page = await keysetPage({
		list: 'approvals',
		cursor,
		columns: [caseRequests.requestedAt, caseRequests.id],
		keyOf: (row: { requestedAt: Date; id: string }) => [row.requestedAt.getTime(), row.id],
		rows: (key, orderBy, limit) =>
			db
				.select({
					id: caseRequests.id,
					kind: caseRequests.kind,
					reason: caseRequests.reason,
					closureReason: caseRequests.closureReason,
					months: caseRequests.months,
					requestedAt: caseRequests.requestedAt,
					requestedBy: users.displayName,
					participantId: participants.id,
					givenName: participants.givenName,
					familyName: participants.familyName,
					status: cases.status,
					periodStartsOn: cases.periodStartsOn,
					periodMonths: cases.periodMonths
				})
				.from(caseRequests)
				.innerJoin(cases, eq(caseRequests.caseId, cases.id))
				.innerJoin(participants, eq(cases.participantId, participants.id))
				.innerJoin(users, eq(caseRequests.requestedBy, users.id))
				.where(where(key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => {
			const [row] = await db
				.select({ n: count() })
				.from(caseRequests)
				.innerJoin(cases, eq(caseRequests.caseId, cases.id))
				.innerJoin(participants, eq(cases.participantId, participants.id))
				.where(where());
			return row?.n ?? 0;
		}
	});
	if (page.rows.length > 0) {
		await recordAudit({ actor, action: 'approvals.viewed', detail: { shown: page.rows.map((r) => r.participantId) } });
	}
	return page;
}
