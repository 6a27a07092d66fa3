import { and, asc, desc, eq, gt } from 'drizzle-orm';
import { validateSessionToken } from '../auth/session';
import { db } from '../db';
import { planHistory, users } from '../db/schema';
import { forgetStandings, planAccess, type Actor } from '../policy';
import { planChannel, publish, subscribe, userChannel } from './bus';
import { join, leave, presentAt } from './presence';

const encoder = new TextEncoder();
// Comments keep proxies from closing an idle stream; each one also re-checks access (a grant may expire).
const HEARTBEAT_MS = 15_000;

function frame(event: string, data: unknown, id?: number): Uint8Array {
	return encoder.encode(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

async function changesAfter(participantId: string, afterId: number) {
	return db
		.select({
			id: planHistory.id,
			change: planHistory.change,
			goalId: planHistory.goalId,
			actorId: planHistory.actorId,
			actorName: users.displayName,
			actorRole: users.role
		})
		.from(planHistory)
		.leftJoin(users, eq(planHistory.actorId, users.id))
		.where(and(eq(planHistory.participantId, participantId), gt(planHistory.id, afterId)))
		.orderBy(asc(planHistory.id))
		.limit(200);
}

async function latestChangeId(participantId: string): Promise<number> {
	const [row] = await db
		.select({ id: planHistory.id })
		.from(planHistory)
		.where(eq(planHistory.participantId, participantId))
		.orderBy(desc(planHistory.id))
		.limit(1);
	return row?.id ?? 0;
}

/**
 * A Server-Sent Events stream of one plan's changes for one reader. It carries only what the plan history
 * shows anyway (what changed, by whom), never data; the page reloads its data through the normal, checked
 * loads. Access is checked again on every event and heartbeat: when the session ends, the account is
 * deactivated or consent is withdrawn, the stream says so and closes.
 */
export function planStream(
	actor: Actor & { displayName: string },
	participantId: string,
	sessionToken: string,
	lastEventId: number
): ReadableStream<Uint8Array> {
	const connectionId = crypto.randomUUID();
	let cleanup = () => {};
	return new ReadableStream<Uint8Array>({
		async start(controller) {
			let lastSent = lastEventId > 0 ? lastEventId : await latestChangeId(participantId);
			let closed = false;
			let busy = Promise.resolve();
			const close = (reason: string) => {
				if (closed) return;
				closed = true;
				try {
					controller.enqueue(frame('closed', { reason }));
					controller.close();
				} catch {
					// the client is already gone
				}
				cleanup();
			};
			const stillAllowed = async () => {
				const { user } = await validateSessionToken(sessionToken);
				// The stream lives inside the request that opened it: without this, the request's first answer
				// would stand for hours and a withdrawn consent would never close it.
				forgetStandings();
				return user !== null && user.id === actor.id && (await planAccess(actor, participantId)) !== null;
			};
			const sendChanges = async () => {
				for (const change of await changesAfter(participantId, lastSent)) {
					controller.enqueue(
						frame('change', { ...change, byMe: change.actorId === actor.id, actorId: undefined }, change.id)
					);
					lastSent = change.id;
				}
			};
			const sendPresence = () =>
				controller.enqueue(
					frame(
						'presence',
						presentAt(participantId).filter((p) => p.userId !== actor.id)
					)
				);
			// One check at a time, in order, so no event can overtake a revocation.
			const handle = (work: () => Promise<void> | void) => {
				busy = busy
					.then(async () => {
						if (closed) return;
						if (!(await stillAllowed())) return close('access_ended');
						await work();
					})
					.catch(() => close('error'));
			};

			controller.enqueue(encoder.encode('retry: 2000\n\n'));
			controller.enqueue(frame('ready', { lastId: lastSent }, lastSent));
			if (lastEventId > 0) await sendChanges();
			const arrived = join(participantId, connectionId, {
				userId: actor.id,
				name: actor.displayName,
				role: actor.role
			});
			const unsubscribePlan = subscribe(planChannel(participantId), (event) =>
				handle(event.type === 'change' ? sendChanges : event.type === 'presence' ? sendPresence : () => {})
			);
			const unsubscribeUser = subscribe(userChannel(actor.id), () => handle(() => {}));
			const heartbeat = setInterval(() => handle(() => controller.enqueue(encoder.encode(': ping\n\n'))), HEARTBEAT_MS);
			cleanup = () => {
				clearInterval(heartbeat);
				unsubscribePlan();
				unsubscribeUser();
				// Presence news only when a person comes or goes, not for every extra tab.
				if (leave(participantId, connectionId)) publish(planChannel(participantId), { type: 'presence' });
			};
			if (arrived) publish(planChannel(participantId), { type: 'presence' });
			else sendPresence();
		},
		cancel() {
			cleanup();
		}
	});
}
