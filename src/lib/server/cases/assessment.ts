import { and, eq } from 'drizzle-orm';
import type { AssessmentAnswers, AssessmentKind } from '$lib/casework';
import type { ResidenceStatus } from '$lib/domain';
import { recordAudit, recordAuditIn } from '../audit';
import { db, isUniqueViolation } from '../db';
import { CHANGED_MEANWHILE, exactlyOne, writeIfUnchanged } from '../db/conditional';
import { assessments, caseEvents } from '../db/schema';
import { byOther, type CaseWorkAccess } from '../policy';
import { acceptsCaseWork, caseOfIn } from './rows';

export type Assessment = typeof assessments.$inferSelect;

export type AssessmentInput = AssessmentAnswers & {
	residenceStatus: ResidenceStatus | null;
	residenceExpiresOn: string | null;
	note: string;
};

export type AssessmentSave =
	| { ok: true }
	| { ok: false; reason: 'assessment_page.case_closed' | 'assessment_page.not_allowed' | typeof CHANGED_MEANWHILE };

/** The entry and exit snapshots of a person's case, each null until recorded. A staff read is audited. */
export async function assessmentsOf(
	access: CaseWorkAccess
): Promise<{ caseId: string; caseStatus: string; entry: Assessment | null; exit: Assessment | null }> {
	const found = db.transaction((tx) => {
		const row = caseOfIn(tx, access.participantId);
		const rows = tx.select().from(assessments).where(eq(assessments.caseId, row.id)).all();
		return { row, rows };
	});
	if (byOther(access)) {
		await recordAudit({ actor: access.actor, action: 'assessment.viewed', participantId: access.participantId });
	}
	return {
		caseId: found.row.id,
		caseStatus: found.row.status,
		entry: found.rows.find((r) => r.kind === 'entry') ?? null,
		exit: found.rows.find((r) => r.kind === 'exit') ?? null
	};
}

/**
 * Records or corrects one snapshot. `seenVersion` is the version the form was loaded on, 0 for "none yet": two
 * first recordings at once meet the unique (case, kind) index, two corrections the version, and one of each wins.
 * The entry is taken while counselling runs; the exit snapshot belongs to the closure, so a closed case takes it.
 */
export function saveAssessment(
	access: CaseWorkAccess,
	kind: AssessmentKind,
	input: AssessmentInput,
	seenVersion: number
): AssessmentSave {
	if (!access.recordWork) return { ok: false, reason: 'assessment_page.not_allowed' };
	try {
		const written = writeIfUnchanged((tx): AssessmentSave => {
			const row = caseOfIn(tx, access.participantId);
			if (kind === 'entry' && !acceptsCaseWork(row)) return { ok: false, reason: 'assessment_page.case_closed' };
			const values = { ...input, recordedBy: access.actor.id, updatedAt: new Date() };
			if (seenVersion === 0) {
				tx.insert(assessments)
					.values({ id: crypto.randomUUID(), caseId: row.id, kind, ...values })
					.run();
			} else {
				exactlyOne(
					tx
						.update(assessments)
						.set({ ...values, version: seenVersion + 1 })
						.where(
							and(eq(assessments.caseId, row.id), eq(assessments.kind, kind), eq(assessments.version, seenVersion))
						)
						.run()
				);
			}
			tx.insert(caseEvents)
				.values({
					caseId: row.id,
					kind: 'assessment_recorded',
					actorId: access.actor.id,
					detail: { kind, corrected: seenVersion !== 0 }
				})
				.run();
			recordAuditIn(tx, {
				actor: access.actor,
				action: 'assessment.recorded',
				participantId: access.participantId,
				detail: { kind, version: seenVersion + 1 }
			});
			return { ok: true };
		});
		return written.ok ? written.value : written;
	} catch (e) {
		if (isUniqueViolation(e)) return { ok: false, reason: CHANGED_MEANWHILE };
		throw e;
	}
}
