import { and, eq } from 'drizzle-orm';
import { db } from '../db';
import { organisations, users } from '../db/schema';
import type { Actor } from './access';

/** Whose short report: an organisation's or one caseworker's own, for one year. */
export type ReportTextOwner = {
	readonly kind: 'organisation' | 'caseworker';
	readonly id: string;
	readonly name: string;
	/** The caseworker writes their own, the lead the organisation's; the lead reads a caseworker's. */
	readonly writable: boolean;
};

/**
 * The short report an actor may open: a caseworker their own; a lead their organisation's, or (to read) one of
 * its caseworkers'. Everyone else none, which the route answers with 404. Short reports describe work, not
 * people, so no participant's relation is involved.
 */
export async function reportTextOwner(
	actor: Actor,
	request: { caseworkerId?: string }
): Promise<ReportTextOwner | null> {
	if (actor.role === 'caseworker') {
		if (request.caseworkerId !== undefined && request.caseworkerId !== actor.id) return null;
		const [me] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, actor.id));
		return me === undefined ? null : { kind: 'caseworker', id: actor.id, name: me.name, writable: true };
	}
	if (actor.role !== 'lead' || actor.organisationId === null) return null;
	if (request.caseworkerId !== undefined) {
		const [cw] = await db
			.select({ name: users.displayName })
			.from(users)
			.where(
				and(
					eq(users.id, request.caseworkerId),
					eq(users.role, 'caseworker'),
					eq(users.organisationId, actor.organisationId)
				)
			);
		return cw === undefined ? null : { kind: 'caseworker', id: request.caseworkerId, name: cw.name, writable: false };
	}
	const [org] = await db
		.select({ name: organisations.name })
		.from(organisations)
		.where(eq(organisations.id, actor.organisationId));
	return org === undefined ? null : { kind: 'organisation', id: actor.organisationId, name: org.name, writable: true };
}
