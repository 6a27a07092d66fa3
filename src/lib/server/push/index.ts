import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import webpush from 'web-push';
import { config } from '../config';
import { createFileOnce, dataDir } from '../data-dir';
import { db } from '../db';
import { pushSubscriptions } from '../db/schema';

type VapidKeys = { publicKey: string; privateKey: string };
let keys: VapidKeys | null = null;

/**
 * The server's VAPID key pair, made on first use and kept in the data folder (owner-only), so subscriptions
 * survive restarts. A new key pair would silently orphan every phone's subscription.
 */
export function vapidKeys(): VapidKeys {
	if (keys !== null) return keys;
	const file = join(dataDir(), 'vapid.json');
	keys = JSON.parse(createFileOnce(file, () => JSON.stringify(webpush.generateVAPIDKeys()))) as VapidKeys;
	return keys;
}

/** Push services want a way to reach whoever runs the server: a mailto: or https: address. */
function subject(): string {
	const { pushContact, origin } = config();
	if (pushContact !== null) return pushContact;
	return origin?.startsWith('https:') ? origin : 'mailto:tandem@localhost';
}

export type PushMessage = { title: string; body: string; url: string; tag: string };
export type SubscriptionInput = { endpoint: string; keys: { p256dh: string; auth: string } };

/**
 * Keeps one device's subscription (the browser gives the same endpoint again after a reinstall), linked to the
 * session that turned it on: when that session ends, the device is unsubscribed with it.
 */
export async function subscribe(userId: string, sessionId: string, input: SubscriptionInput): Promise<void> {
	await db
		.insert(pushSubscriptions)
		.values({
			id: crypto.randomUUID(),
			userId,
			sessionId,
			endpoint: input.endpoint,
			p256dh: input.keys.p256dh,
			auth: input.keys.auth
		})
		.onConflictDoUpdate({
			target: pushSubscriptions.endpoint,
			set: { userId, sessionId, p256dh: input.keys.p256dh, auth: input.keys.auth }
		});
}

export async function unsubscribe(userId: string, endpoint: string): Promise<void> {
	await db
		.delete(pushSubscriptions)
		.where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
}

export async function subscriptionCount(userId: string): Promise<number> {
	return (
		await db.select({ id: pushSubscriptions.id }).from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId))
	).length;
}

export async function isSubscribed(userId: string, endpoint: string): Promise<boolean> {
	const [row] = await db
		.select({ id: pushSubscriptions.id })
		.from(pushSubscriptions)
		.where(and(eq(pushSubscriptions.userId, userId), eq(pushSubscriptions.endpoint, endpoint)));
	return row !== undefined;
}

export type PushOutcome = { sent: number; removed: number; failed: number };

/**
 * Sends one message to every device of a user. The payload is encrypted for each subscription (RFC 8291,
 * by web-push); the request goes out with fetch so a slow push service cannot hold a reminder run forever.
 * A subscription the push service no longer knows (404/410) is deleted.
 */
export async function pushToUser(userId: string, message: PushMessage, now = new Date()): Promise<PushOutcome> {
	const subscriptions = await db.select().from(pushSubscriptions).where(eq(pushSubscriptions.userId, userId));
	const outcome: PushOutcome = { sent: 0, removed: 0, failed: 0 };
	const { publicKey, privateKey } = vapidKeys();
	for (const s of subscriptions) {
		const request = webpush.generateRequestDetails(
			{ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } },
			JSON.stringify(message),
			{
				vapidDetails: { subject: subject(), publicKey, privateKey },
				TTL: 12 * 60 * 60,
				urgency: 'high',
				topic: message.tag.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 32)
			}
		);
		try {
			const response = await fetch(request.endpoint, {
				method: request.method,
				headers: request.headers as Record<string, string>,
				body: new Uint8Array(request.body as Buffer),
				signal: AbortSignal.timeout(10_000)
			});
			if (response.status === 404 || response.status === 410) {
				await db.delete(pushSubscriptions).where(eq(pushSubscriptions.id, s.id));
				outcome.removed++;
			} else if (response.ok) {
				await db.update(pushSubscriptions).set({ lastSentAt: now }).where(eq(pushSubscriptions.id, s.id));
				outcome.sent++;
			} else {
				outcome.failed++;
			}
		} catch {
			// Unreachable push service: try again with the next reminder, keep the subscription.
			outcome.failed++;
		}
	}
	return outcome;
}
