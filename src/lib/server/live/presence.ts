import type { Role } from '$lib/domain';

export type Present = { userId: string; name: string; role: Role };

// Who has which plan open right now; one entry per open stream, so two tabs count once per person.
const open = new Map<string, Map<string, Present>>();

export function join(participantId: string, connectionId: string, who: Present): void {
	let here = open.get(participantId);
	if (here === undefined) {
		here = new Map();
		open.set(participantId, here);
	}
	here.set(connectionId, who);
}

export function leave(participantId: string, connectionId: string): void {
	const here = open.get(participantId);
	here?.delete(connectionId);
	if (here?.size === 0) open.delete(participantId);
}

export function presentAt(participantId: string): Present[] {
	const people = new Map<string, Present>();
	for (const who of open.get(participantId)?.values() ?? []) people.set(who.userId, who);
	return [...people.values()];
}

export function openStreamCount(): number {
	let n = 0;
	for (const here of open.values()) n += here.size;
	return n;
}
