import { and, desc, eq, inArray } from 'drizzle-orm';
import type { ConsentScope, ConsentState } from '$lib/domain';
import { db } from '../db';
import { consentEvents, consents, type Consent } from '../db/schema';

export type ConsentWithState = Consent & { state: ConsentState; stateAt: Date; stateReason: string };

/** The state now: the last event, except that a given consent past its end date has expired. */
export function currentState(
	consent: Consent,
	lastEvent: { state: ConsentState; at: Date; reason: string },
	now = new Date()
) {
	if (lastEvent.state === 'given' && consent.validUntil <= now) {
		return { state: 'expired' as const, at: consent.validUntil, reason: '' };
	}
	return lastEvent;
}

export async function withStates(rows: Consent[], now = new Date()): Promise<ConsentWithState[]> {
	if (rows.length === 0) return [];
	const events = await db
		.select()
		.from(consentEvents)
		.where(
			inArray(
				consentEvents.consentId,
				rows.map((r) => r.id)
			)
		)
		.orderBy(desc(consentEvents.id));
	return rows.map((row) => {
		const last = events.find((e) => e.consentId === row.id)!;
		const state = currentState(row, last, now);
		return { ...row, state: state.state, stateAt: state.at, stateReason: state.reason };
	});
}

/** The scopes a volunteer holds for one participant right now: the union of their active grants. */
export async function consentedScopes(
	volunteerId: string,
	participantId: string,
	now = new Date()
): Promise<Set<ConsentScope>> {
	const rows = await db
		.select()
		.from(consents)
		.where(and(eq(consents.granteeUserId, volunteerId), eq(consents.participantId, participantId)));
	const active = (await withStates(rows, now)).filter((c) => c.state === 'given');
	return new Set(active.flatMap((c) => c.scopes));
}
