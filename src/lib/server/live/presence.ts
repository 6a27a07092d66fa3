import type { Role } from '$lib/domain';

export type Present = { userId: string; name: string; role: Role };

// Who has which plan open right now; one entry per open stream, so two tabs count once per person.
const open = new Map<string, Map<string, Present>>();

const isPresent = (participantId: string, userId: string) =>
	[...(open.get(participantId)?.values() ?? [])].some((p) => p.userId === userId);

/** Registers an open stream; true when this person was not there before (others need telling). */
export function join(participantId: string, connectionId: string, who: Present): boolean {
	const arriving = !isPresent(participantId, who.userId);
	let here = open.get(participantId);
	if (here === undefined) {
		here = new Map();
		open.set(participantId, here);
	}
	here.set(connectionId, who);
	return arriving;
}

/** Removes an open stream; true when that was the person's last one. */
export function leave(participantId: string, connectionId: string): boolean {
	const here = open.get(participantId);
	const who = here?.get(connectionId);
	here?.delete(connectionId);
	if (here?.size === 0) open.delete(participantId);
	return who !== undefined && !isPresent(participantId, who.userId);
}

export function presentAt(participantId: string): Present[] {
	const people = new Map<string, Present>();
	for (const who of open.get(participantId)?.values() ?? []) people.set(who.userId, who);
	return [...people.values()];
}
