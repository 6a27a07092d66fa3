import { getRequestEvent } from '$app/server';
import { grant, type Actor, type FullAccess } from './access';
import { standingOf } from './relation';

/**
 * The participant's own data as a whole (GDPR export, "my data" pages); null for anyone else. Never audited:
 * it is the person looking at their own record.
 */
export async function ownData(actor: Actor): Promise<FullAccess | null> {
	if (actor.participantId === null) return null;
	const { relation } = await standingOf(actor, actor.participantId);
	if (relation !== 'self') return null;
	return grant<FullAccess>({ participantId: actor.participantId, actor, relation });
}

/** Work the installation does on its own, outside any request; each purpose is named so it can be found. */
export type SystemPurpose = 'demo_seed' | 'reminder_clock' | 'test_fixture';

/**
 * Access for the installation itself. Refused inside a request, so no page or action can borrow it: what a
 * person asks for goes through their relation.
 */
export function systemAccess(participantId: string, purpose: SystemPurpose): FullAccess {
	let inRequest = true;
	try {
		getRequestEvent();
	} catch {
		inRequest = false;
	}
	if (inRequest) throw new Error(`system access (${purpose}) asked for inside a request`);
	return grant<FullAccess>({ participantId, actor: null, relation: 'system' });
}
