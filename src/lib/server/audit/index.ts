import { db, type Tx } from '../db';
import { auditLog } from '../db/schema';
import type { Actor } from '../policy';

export type AuditAction =
	| 'participant.viewed'
	| 'participant.created'
	| 'participant.updated'
	| 'participant.contact_corrected'
	| 'caseload.viewed'
	| 'invitation.issued'
	| 'invitation.redeemed'
	| 'assignment.changed'
	| 'user.created'
	| 'user.deactivated'
	| 'user.reactivated'
	| 'organisation.created'
	| 'plan.viewed'
	| 'plan.changed'
	| 'plan.printed'
	| 'catalogue.goal_added'
	| 'catalogue.goal_retired'
	| 'catalogue.goal_restored'
	| 'auth.signed_in'
	| 'auth.signed_out_everywhere';

export type AuditEvent = {
	actor: Pick<Actor, 'id' | 'role'> | null;
	action: AuditAction;
	participantId?: string | null;
	detail?: Record<string, unknown>;
};

function row(event: AuditEvent) {
	return {
		actorId: event.actor?.id ?? null,
		actorRole: event.actor?.role ?? null,
		action: event.action,
		participantId: event.participantId ?? null,
		detail: event.detail ?? null
	};
}

export async function recordAudit(event: AuditEvent): Promise<void> {
	await db.insert(auditLog).values(row(event));
}

/** The same, inside a transaction that writes the change it describes: both land or neither. */
export function recordAuditIn(tx: Tx, event: AuditEvent): void {
	tx.insert(auditLog).values(row(event)).run();
}
