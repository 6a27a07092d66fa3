import { and, inArray, isNotNull, isNull, lte, sql, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { documentQuestions, documents, participants } from '../db/schema';
import { expiryHorizon } from './expiry';

/** For the caseload's "needs attention" filter: documents expiring within 8 weeks (or expired), open questions. */
export function documentAttention(kind: 'documents_expiring' | 'letters', today: string): SQL {
	if (kind === 'letters') {
		return sql`exists (select 1 from ${documentQuestions} where ${documentQuestions.participantId} = ${participants.id} and ${documentQuestions.answeredAt} is null)`;
	}
	return sql`exists (select 1 from ${documents} where ${documents.participantId} = ${participants.id} and ${documents.expiresOn} is not null and ${documents.expiresOn} <= ${expiryHorizon(today)})`;
}

export type DocumentFlags = { expiring: number; expired: number; openQuestions: number };

/** Per participant shown in the caseload: how many documents expire soon or have expired, and open questions. */
export async function documentFlagsOf(participantIds: string[], today: string): Promise<Map<string, DocumentFlags>> {
	const flags = new Map<string, DocumentFlags>();
	if (participantIds.length === 0) return flags;
	const flagOf = (id: string) => flags.get(id) ?? flags.set(id, { expiring: 0, expired: 0, openQuestions: 0 }).get(id)!;
	const [expiring, open] = await Promise.all([
		db
			.select({ participantId: documents.participantId, expiresOn: documents.expiresOn })
			.from(documents)
			.where(
				and(
					inArray(documents.participantId, participantIds),
					isNotNull(documents.expiresOn),
					lte(documents.expiresOn, expiryHorizon(today))
				)
			),
		db
			.select({ participantId: documentQuestions.participantId, n: sql<number>`count(*)` })
			.from(documentQuestions)
			.where(and(inArray(documentQuestions.participantId, participantIds), isNull(documentQuestions.answeredAt)))
			.groupBy(documentQuestions.participantId)
	]);
	for (const row of expiring) {
		const flag = flagOf(row.participantId);
		if (row.expiresOn! < today) flag.expired++;
		else flag.expiring++;
	}
	for (const row of open) flagOf(row.participantId).openQuestions = Number(row.n);
	return flags;
}
