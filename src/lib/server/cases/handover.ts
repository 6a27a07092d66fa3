import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../db';
import { db } from '../db';
import { writeIfUnchanged, type Seen } from '../db/conditional';
import { consents, handovers } from '../db/schema';
import type { Actor, CaseWorkAccess } from '../policy';
import { caseOfIn } from './rows';
import { openMattersOf, type HandoverFields } from './schema';
import { caseAsSeenIn, changeCaseIn, requireRecordWork, type CaseActor, type CourseOutcome } from './steps';
import type { Case } from './tables';

/**
 * Passing a person's data from the shelter's social services on to integration management needs her consent
 * (§ 203 StGB): a consent recorded here, or the date of a paper one kept in the file.
 */
export function handoverConsentMissing(input: HandoverFields): CourseOutcome | null {
	if (input.consentId === '' && input.paperConsentOn === '') {
		return { ok: false, reason: 'case.handover_consent_required', field: 'paperConsentOn' };
	}
	return null;
}

/** Writes a handover onto a case in the caller's transaction: its row, the allocation date and an event. */
export function recordHandoverIn(tx: Tx, who: CaseActor, row: Case, input: HandoverFields): string | null {
	if (input.consentId !== '') {
		const consent = tx
			.select({ id: consents.id })
			.from(consents)
			.where(and(eq(consents.id, input.consentId), eq(consents.participantId, who.participantId)))
			.get();
		if (consent === undefined) return null;
	}
	const id = crypto.randomUUID();
	tx.insert(handovers)
		.values({
			id,
			caseId: row.id,
			service: input.handoverService,
			person: input.handoverPerson,
			phone: input.handoverPhone,
			allocatedOn: input.allocatedOn,
			openMatters: openMattersOf(input),
			language: input.mattersLanguage,
			consentId: input.consentId === '' ? null : input.consentId,
			paperConsentOn: input.paperConsentOn === '' ? null : input.paperConsentOn,
			recordedBy: who.actor.id
		})
		.run();
	changeCaseIn(tx, who, row, {
		set: { allocatedOn: input.allocatedOn, ...(input.eligibility === '' ? {} : { eligibility: input.eligibility }) },
		event: 'handover_received',
		detail: { handoverId: id, service: input.handoverService },
		audit: 'case.handover_recorded'
	});
	return id;
}

/** For a participant created in this transaction: her case was opened a moment ago. */
export function recordNewHandoverIn(tx: Tx, actor: Actor, participantId: string, input: HandoverFields): void {
	const id = recordHandoverIn(tx, { actor, participantId }, caseOfIn(tx, participantId), input);
	if (id === null) throw new Error('a new participant has no consents to pick');
}

/** A handover that arrives for a person already recorded. */
export async function recordHandover(
	access: CaseWorkAccess,
	input: HandoverFields,
	seen: Seen
): Promise<CourseOutcome> {
	requireRecordWork(access);
	const missing = handoverConsentMissing(input);
	if (missing !== null) return missing;
	const written = writeIfUnchanged((tx): CourseOutcome => {
		const row = caseAsSeenIn(tx, access, seen);
		if (row.status === 'closed') return { ok: false, reason: 'case.closed_no_work' };
		const id = recordHandoverIn(tx, access, row, input);
		return id === null ? { ok: false, reason: 'form.pick_option', field: 'consentId' } : { ok: true };
	});
	return written.ok ? written.value : written;
}

/** The latest handover of a case, for the case page. */
export async function latestHandover(caseId: string) {
	const [row] = await db
		.select()
		.from(handovers)
		.where(eq(handovers.caseId, caseId))
		.orderBy(desc(handovers.createdAt))
		.limit(1);
	return row ?? null;
}
