import { error } from '@sveltejs/kit';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { assignments, users } from '../db/schema';
import { canAssignCaseworker, type Actor } from '../policy';

export async function caseworkersOf(organisationId: string) {
	return db
		.select({ id: users.id, displayName: users.displayName })
		.from(users)
		.where(and(eq(users.organisationId, organisationId), eq(users.role, 'caseworker'), eq(users.active, true)))
		.orderBy(asc(users.displayName));
}

/** Ends the current assignment (kept as history) and starts the new one, in one step. */
export async function assignCaseworker(actor: Actor, participantId: string, caseworkerId: string): Promise<boolean> {
	if (!(await canAssignCaseworker(actor, participantId)) || actor.organisationId === null) {
		error(404, 'error.not_found');
	}
	const eligible = await caseworkersOf(actor.organisationId);
	if (!eligible.some((c) => c.id === caseworkerId)) return false;
	db.transaction((tx) => {
		const current = tx
			.select()
			.from(assignments)
			.where(and(eq(assignments.participantId, participantId), isNull(assignments.endedAt)))
			.get();
		if (current?.caseworkerId === caseworkerId) return;
		if (current !== undefined) {
			tx.update(assignments).set({ endedAt: new Date() }).where(eq(assignments.id, current.id)).run();
		}
		tx.insert(assignments).values({ participantId, caseworkerId, assignedBy: actor.id }).run();
		recordAuditIn(tx, {
			actor,
			action: 'assignment.changed',
			participantId,
			detail: { from: current?.caseworkerId ?? null, to: caseworkerId }
		});
	});
	return true;
}
