import { error } from '@sveltejs/kit';
import { and, desc, eq } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import { db } from '../db';
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

export async function decideCorrection(
	actor: Actor,
	participantId: string,
	correctionId: string,
	outcome: 'corrected' | 'declined',
	note: string
): Promise<boolean> {
	if ((await caseAccess(actor, participantId))?.handleCorrections !== true) error(404, 'error.not_found');
	const changed = db.transaction((tx) => {
		const result = tx
			.update(correctionRequests)
			.set({ outcome, outcomeNote: note, outcomeBy: actor.id, outcomeAt: new Date() })
			.where(and(eq(correctionRequests.id, correctionId), eq(correctionRequests.participantId, participantId)))
			.run();
		if (result.changes === 0) return false;
		recordAuditIn(tx, { actor, action: 'correction.decided', participantId, detail: { correctionId, outcome } });
		return true;
	});
	return changed;
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
			recordedBy: users.displayName
		})
		.from(correctionRequests)
		.innerJoin(users, eq(correctionRequests.recordedBy, users.id))
		.where(eq(correctionRequests.participantId, access.participantId))
		.orderBy(desc(correctionRequests.createdAt));
}
