/**
 * In-process publish/subscribe for live plan pages. One server process holds every open stream, so a map
 * of listeners is enough; it holds connections, not anyone's data. Channels: `plan:<participantId>` for
 * changes, presence and consent; `user:<userId>` for sessions ending and accounts being deactivated.
 */
export type LiveEvent = { type: 'change' } | { type: 'access' } | { type: 'presence' };
type Listener = (event: LiveEvent) => void;

const channels = new Map<string, Set<Listener>>();

export function subscribe(channel: string, listener: Listener): () => void {
	let listeners = channels.get(channel);
	if (listeners === undefined) {
		listeners = new Set();
		channels.set(channel, listeners);
	}
	listeners.add(listener);
	return () => {
		listeners.delete(listener);
		if (listeners.size === 0) channels.delete(channel);
	};
}

/** Delivered after the caller's synchronous transaction has committed. */
export function publish(channel: string, event: LiveEvent): void {
	queueMicrotask(() => {
		for (const listener of channels.get(channel) ?? []) listener(event);
	});
}

export const planChannel = (participantId: string) => `plan:${participantId}`;
export const userChannel = (userId: string) => `user:${userId}`;
