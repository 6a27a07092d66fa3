import { error } from '@sveltejs/kit';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { CHANGED_MEANWHILE, exactlyOne, seenOtherState, writeIfUnchanged, type Seen } from '../db/conditional';
import { correctionRequests, users } from '../db/schema';
import { caseAccess, type AccessTo, type Actor } from '../policy';

/** A participant asked for something to be corrected (GDPR Art. 16); staff record the request and its outcome. */
export async function recordCorrectionRequest(actor: Actor, participantId: string, request: string): Promise<string> {
	if ((await caseAccess(actor, participantId))?.handleCorrections !== true) error(404, 'error.not_found');
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		tx.insert(correctionRequests).values({ id, participantId, request, recordedBy: actor.id }).run();
		recordAuditIn(tx, { actor, action: 'correction.recorded', participantId, detail: { correctionId: id } });
	});
	return id;
}

export type CorrectionDecision = { ok: true } | { ok: false; reason: 'error.not_found' | typeof CHANGED_MEANWHILE };

/** A request is decided once: a second decision, also one sent at the same moment, changes nothing. */
export async function decideCorrection(
	actor: Actor,
	participantId: string,
	correctionId: string,
	outcome: 'corrected' | 'declined',
	note: string,
	seen?: Seen
): Promise<CorrectionDecision> {
	if ((await caseAccess(actor, participantId))?.handleCorrections !== true) error(404, 'error.not_found');
	const [row] = await db
		.select({ outcome: correctionRequests.outcome, version: correctionRequests.version })
		.from(correctionRequests)
		.where(and(eq(correctionRequests.id, correctionId), eq(correctionRequests.participantId, participantId)));
	if (row === undefined) return { ok: false, reason: 'error.not_found' };
	if (row.outcome !== null || seenOtherState({ status: 'open', version: row.version }, seen)) {
		return { ok: false, reason: CHANGED_MEANWHILE };
	}
	const written = writeIfUnchanged((tx) => {
		exactlyOne(
			tx
				.update(correctionRequests)
				.set({
					outcome,
					outcomeNote: note,
					outcomeBy: actor.id,
					outcomeAt: new Date(),
					version: sql`${correctionRequests.version} + 1`
				})
				.where(
					and(
						eq(correctionRequests.id, correctionId),
						isNull(correctionRequests.outcome),
						eq(correctionRequests.version, row.version)
					)
				)
				.run()
		);
		recordAuditIn(tx, { actor, action: 'correction.decided', participantId, detail: { correctionId, outcome } });
	});
	return written.ok ? { ok: true } : written;
}

export async function correctionsOf(access: AccessTo<'rights'>) {
	return db
		.select({
			id: correctionRequests.id,
			request: correctionRequests.request,
			createdAt: correctionRequests.createdAt,
			outcome: correctionRequests.outcome,
			outcomeNote: correctionRequests.outcomeNote,
			outcomeAt: correctionRequests.outcomeAt,
			version: correctionRequests.version,
			recordedBy: users.displayName
		})
		.from(correctionRequests)
		.innerJoin(users, eq(correctionRequests.recordedBy, users.id))
		.where(eq(correctionRequests.participantId, access.participantId))
		.orderBy(desc(correctionRequests.createdAt));
}
