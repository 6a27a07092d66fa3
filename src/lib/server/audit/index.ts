import { desc } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { auditLog, auditSubjects } from '../db/schema';
import type { Actor } from '../policy';
import { entryHash } from './chain.js';

export type AuditAction =
	| 'participant.viewed'
	| 'participant.created'
	| 'participant.updated'
	| 'participant.contact_corrected'
	| 'participant.exported'
	| 'caseload.viewed'
	| 'invitation.issued'
	| 'invitation.redeemed'
	| 'assignment.changed'
	| 'assignment.bulk_changed'
	| 'cover.given'
	| 'cover.ended'
	| 'user.fte_changed'
	| 'organisation.contact_gap_changed'
	| 'user.created'
	| 'user.deactivated'
	| 'user.reactivated'
	| 'organisation.created'
	| 'appointments.viewed'
	| 'appointment.changed'
	| 'calendar_feed.changed'
	| 'office_hours.changed'
	| 'plan.viewed'
	| 'plan.changed'
	| 'plan.printed'
	| 'catalogue.goal_added'
	| 'catalogue.goal_retired'
	| 'catalogue.goal_restored'
	| 'consent.given'
	| 'consent.accepted'
	| 'consent.withdrawn'
	| 'consent.revoked'
	| 'consent.renewed'
	| 'document.viewed'
	| 'document.downloaded'
	| 'document.uploaded'
	| 'document.updated'
	| 'document.deleted'
	| 'document.explanation_requested'
	| 'document.explained'
	| 'correction.recorded'
	| 'correction.decided'
	| 'case.viewed'
	| 'case.status_changed'
	| 'case.requested'
	| 'case.request_decided'
	| 'case.handover_recorded'
	| 'case.letter_printed'
	| 'approvals.viewed'
	| 'contacts.viewed'
	| 'contact.recorded'
	| 'contact.corrected'
	| 'service.added'
	| 'service.changed'
	| 'service.deactivated'
	| 'service.reactivated'
	| 'referrals.viewed'
	| 'referral.made'
	| 'referral.status_changed'
	| 'assessment.viewed'
	| 'assessment.recorded'
	| 'notes.viewed'
	| 'note.written'
	| 'note.sensitive_read'
	| 'report.viewed'
	| 'report.drilled_down'
	| 'report.exported'
	| 'report.texts_saved'
	| 'evaluation.exported'
	| 'import.checked'
	| 'import.completed'
	| 'case.anonymised'
	| 'organisation.retention_changed'
	| 'organisation.county_changed'
	| 'auth.signed_in'
	| 'auth.signed_out_everywhere';

export type AuditEvent = {
	actor: Pick<Actor, 'id' | 'role'> | null;
	action: AuditAction;
	participantId?: string | null;
	detail?: Record<string, unknown>;
};

/** Appends one entry, chained by hash to the one before; callers pass their transaction so both land together. */
export function recordAuditIn(tx: Tx, event: AuditEvent): void {
	const last = tx.select({ hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1).get();
	const prevHash = last?.hash ?? '';
	const at = Date.now();
	const entry = {
		at,
		actorId: event.actor?.id ?? null,
		actorRole: event.actor?.role ?? null,
		action: event.action,
		participantId: event.participantId ?? null,
		// Stored as JSON text; hashing the re-parsed value keeps app and verifier byte-identical.
		detail: event.detail === undefined ? null : (JSON.parse(JSON.stringify(event.detail)) as Record<string, unknown>)
	};
	const { lastInsertRowid } = tx
		.insert(auditLog)
		.values({ ...entry, at: new Date(at), prevHash, hash: entryHash(prevHash, entry) })
		.run();
	const subjects = subjectsOf(event);
	if (subjects.length > 0) {
		const auditId = Number(lastInsertRowid);
		tx.insert(auditSubjects)
			.values(subjects.map((participantId) => ({ participantId, auditId })))
			.run();
	}
}

/**
 * Whom an entry is about, for "who saw my data": its participant, and for a caseload list everyone it showed
 * by name (other lists' `shown` hold document ids, not people).
 */
function subjectsOf(event: AuditEvent): string[] {
	const subjects = new Set<string>();
	if (event.participantId !== undefined && event.participantId !== null) subjects.add(event.participantId);
	const shown = event.detail?.shown;
	if ((event.action === 'caseload.viewed' || event.action === 'approvals.viewed') && Array.isArray(shown)) {
		for (const id of shown) if (typeof id === 'string') subjects.add(id);
	}
	return [...subjects];
}

export async function recordAudit(event: AuditEvent): Promise<void> {
	db.transaction((tx) => recordAuditIn(tx, event));
}
