import { and, eq } from 'drizzle-orm';
import type { ReportScope } from '$lib/figures';
import { db } from '../db';
import { organisations, users } from '../db/schema';
import type { Actor } from './access';

// Never exported: only reportAccess brands, so a figure reader cannot be handed a hand-made scope.
declare const reportGrant: unique symbol;

/**
 * Proof that the policy let `actor` see the key figures of `scope`. The coordinator's access is
 * `aggregatesOnly`: counts 1–4 leave the server as 'lt5', nothing links to a person, no per-caseworker rows.
 */
export type ReportAccess = {
	readonly [reportGrant]: true;
	readonly actor: Actor;
	readonly scope: ReportScope;
	readonly aggregatesOnly: boolean;
	/** Records behind a number may be listed (caseworker, lead), never for the coordinator. */
	readonly drillDown: boolean;
	/** A lead's organisation report carries every caseworker's figures beside it. */
	readonly perCaseworker: boolean;
};

export type ReportRequest = { caseworkerId?: string; organisationId?: string; townId?: string };

function make(actor: Actor, scope: ReportScope, aggregatesOnly: boolean, perCaseworker = false): ReportAccess {
	return { actor, scope, aggregatesOnly, drillDown: !aggregatesOnly, perCaseworker } as ReportAccess;
}

/**
 * Whose figures an actor may see; null (404) otherwise. A caseworker: their own. A lead: their organisation, or
 * one of its caseworkers. The county coordinator: the county, or one of its towns or organisations, as
 * aggregates only. Everyone else (admin, participant, volunteer): nothing.
 */
export async function reportAccess(actor: Actor, request: ReportRequest): Promise<ReportAccess | null> {
	const { caseworkerId, organisationId, townId } = request;
	if (actor.role === 'caseworker') {
		if (organisationId !== undefined || townId !== undefined) return null;
		if (caseworkerId !== undefined && caseworkerId !== actor.id) return null;
		return make(actor, { kind: 'caseworker', caseworkerId: actor.id }, false);
	}
	if (actor.role === 'lead' && actor.organisationId !== null) {
		if (townId !== undefined) return null;
		if (organisationId !== undefined && organisationId !== actor.organisationId) return null;
		if (caseworkerId !== undefined) {
			if (organisationId !== undefined) return null;
			const [colleague] = await db
				.select({ id: users.id })
				.from(users)
				.where(
					and(eq(users.id, caseworkerId), eq(users.role, 'caseworker'), eq(users.organisationId, actor.organisationId))
				);
			return colleague === undefined ? null : make(actor, { kind: 'caseworker', caseworkerId }, false);
		}
		return make(actor, { kind: 'organisation', organisationId: actor.organisationId }, false, true);
	}
	if (actor.role === 'coordinator' && actor.organisationId !== null) {
		// No per-caseworker view for the coordinator: a caseworker's figures would single out their people.
		if (caseworkerId !== undefined) return null;
		if (townId !== undefined && organisationId !== undefined) return null;
		const countyId = actor.organisationId;
		const partId = townId ?? organisationId;
		if (partId === undefined) return make(actor, { kind: 'county', countyId }, true);
		const [part] = await db
			.select({ id: organisations.id, kind: organisations.kind })
			.from(organisations)
			.where(and(eq(organisations.id, partId), eq(organisations.countyId, countyId)));
		if (part === undefined) return null;
		if (townId !== undefined) return part.kind === 'town' ? make(actor, { kind: 'town', townId }, true) : null;
		return make(actor, { kind: 'organisation', organisationId: partId }, true);
	}
	return null;
}
