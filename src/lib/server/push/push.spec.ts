import { createECDH, createPublicKey, hkdfSync, createDecipheriv, randomBytes, verify, type ECDH } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { eq } from 'drizzle-orm';
// @ts-expect-error http_ece ships no type declarations
import ece from 'http_ece';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, generateSessionToken, invalidateSession } from '../auth/session';
import { dataDir } from '../data-dir';
import { config } from '../config';
import { db } from '../db';
import { pushSubscriptions } from '../db/schema';
import { makeSession, makeUser } from '../testing/factories';
import { isSubscribed, pushToUser, subscribe, subscriptionCount, unsubscribe, vapidKeys, type PushMessage } from '.';

// ——— A stand-in push service on 127.0.0.1 ———

type Received = { path: string; headers: IncomingHttpHeaders; body: Buffer };
let server: Server;
let port: number;
let received: Received[] = [];
/** What the push service answers, per endpoint path (default 201 Created, as real services do). */
const answers = new Map<string, number>();

beforeAll(async () => {
	server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ path: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) });
			res.statusCode = answers.get(req.url ?? '') ?? 201;
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
	received = [];
	answers.clear();
});

/** What a browser hands over from PushManager.subscribe(): a P-256 key pair and 16 random auth bytes. */
function browserSubscription() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	const auth = randomBytes(16);
	const path = `/push/${crypto.randomUUID()}`;
	return {
		ecdh,
		auth,
		path,
		input: {
			endpoint: `http://127.0.0.1:${port}${path}`,
			keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') }
		}
	};
}
type Browser = ReturnType<typeof browserSubscription>;

/** The browser's side of RFC 8291, with http_ece. */
function decryptWithEce(body: Buffer, browser: { ecdh: ECDH; auth: Buffer }): PushMessage {
	const plain: Buffer = ece.decrypt(body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth });
	return JSON.parse(plain.toString('utf8')) as PushMessage;
}

/** The same, written out with node:crypto from RFC 8291 §3.4 and RFC 8188 §2 (one record), as a second opinion. */
function decryptByHand(body: Buffer, browser: { ecdh: ECDH; auth: Buffer }): PushMessage {
	const salt = body.subarray(0, 16);
	const idLength = body[20];
	const serverKey = body.subarray(21, 21 + idLength);
	const record = body.subarray(21 + idLength);
	const shared = browser.ecdh.computeSecret(serverKey);
	const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), browser.ecdh.getPublicKey(), serverKey]);
	const ikm = Buffer.from(hkdfSync('sha256', shared, browser.auth, keyInfo, 32));
	const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
	const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(record.subarray(record.length - 16));
	const padded = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
	let end = padded.length - 1;
	while (padded[end] === 0) end--;
	expect(padded[end]).toBe(2); // last-record delimiter
	return JSON.parse(padded.subarray(0, end).toString('utf8')) as PushMessage;
}

const message: PushMessage = {
	title: 'Morgen: Ausländerbehörde',
	body: 'Dienstag, 10:00 – 10:30\nBitte mitbringen: Pass',
	url: '/participants/p1/appointments/a1',
	tag: 'appointment-a1'
};

async function subscribed(browser: Browser) {
	const user = await makeUser('volunteer', null);
	await subscribe(user.id, await makeSession(user.id), browser.input);
	return user.id;
}

describe('VAPID keys', () => {
	it('are made on first use, kept owner-only in the data folder, and read back after a restart', async () => {
		const file = join(dataDir(), 'vapid.json');
		expect(file.startsWith(dirname(config().databaseFile))).toBe(true);
		expect(existsSync(file)).toBe(false);
		const keys = vapidKeys();
		expect(existsSync(file)).toBe(true);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(keys);
		// An uncompressed P-256 point (65 bytes) and a 32-byte private key, base64url.
		expect(Buffer.from(keys.publicKey, 'base64url')).toHaveLength(65);
		expect(Buffer.from(keys.privateKey, 'base64url')).toHaveLength(32);
		expect(vapidKeys()).toBe(keys);

		// A fresh process (new module instance) finds the same keys instead of orphaning every subscription.
		vi.resetModules();
		const fresh = await import('.');
		expect(fresh.vapidKeys()).toEqual(keys);
	});
});

describe('pushToUser', () => {
	it('delivers the message encrypted for the browser, signed with the server’s VAPID key', async () => {
		const browser = browserSubscription();
		const userId = await subscribed(browser);
		const now = new Date('2027-01-19T13:00:00Z');
		expect(await pushToUser(userId, message, now)).toEqual({ sent: 1, removed: 0, failed: 0 });

		expect(received).toHaveLength(1);
		const [request] = received;
		expect(request.path).toBe(browser.path);
		expect(request.headers['content-encoding']).toBe('aes128gcm');
		expect(request.headers.ttl).toBe(String(12 * 60 * 60));
		expect(request.headers.urgency).toBe('high');
		expect(request.headers.topic).toBe('appointment-a1');
		// The body is not readable on the way …
		expect(request.body.toString('utf8')).not.toContain('Ausländerbehörde');
		// … but the browser reads it.
		expect(decryptWithEce(request.body, browser)).toEqual(message);
		expect(decryptByHand(request.body, browser)).toEqual(message);

		const auth = /^vapid t=([^,\s]+), k=([A-Za-z0-9_-]+)$/.exec(request.headers.authorization ?? '');
		expect(auth).not.toBeNull();
		const [, jwt, k] = auth!;
		expect(k).toBe(vapidKeys().publicKey);
		// The JWT is for this push service's origin and verifies with that public key (ES256).
		const [header, payload, signature] = jwt.split('.');
		expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'ES256', typ: 'JWT' });
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
		expect(claims).toMatchObject({ aud: `http://127.0.0.1:${port}`, sub: expect.stringMatching(/^(mailto:|https:)/) });
		expect(claims.exp * 1000).toBeGreaterThan(Date.now());
		const point = Buffer.from(k, 'base64url');
		const key = createPublicKey({
			key: {
				kty: 'EC',
				crv: 'P-256',
				x: point.subarray(1, 33).toString('base64url'),
				y: point.subarray(33).toString('base64url')
			},
			format: 'jwk'
		});
		expect(
			verify(
				'sha256',
				Buffer.from(`${header}.${payload}`),
				{ key, dsaEncoding: 'ieee-p1363' },
				Buffer.from(signature, 'base64url')
			)
		).toBe(true);

		const [row] = await db
			.select()
			.from(pushSubscriptions)
			.where(eq(pushSubscriptions.endpoint, browser.input.endpoint));
		expect(row.lastSentAt).toEqual(now);
	});

	it('reaches every device of the user, each with its own encryption, and nobody else', async () => {
		const phone = browserSubscription();
		const laptop = browserSubscription();
		const someoneElse = browserSubscription();
		const userId = await subscribed(phone);
		await subscribe(userId, await makeSession(userId), laptop.input);
		await subscribed(someoneElse);
		expect(await subscriptionCount(userId)).toBe(2);

		expect(await pushToUser(userId, message)).toEqual({ sent: 2, removed: 0, failed: 0 });
		expect(received.map((r) => r.path).sort()).toEqual([phone.path, laptop.path].sort());
		const toPhone = received.find((r) => r.path === phone.path)!;
		const toLaptop = received.find((r) => r.path === laptop.path)!;
		expect(decryptWithEce(toPhone.body, phone).title).toBe(message.title);
		expect(decryptWithEce(toLaptop.body, laptop).title).toBe(message.title);
		// Encrypted for the phone, the laptop's keys do not open it.
		expect(() => decryptWithEce(toPhone.body, laptop)).toThrow();
	});

	it('410 or 404 from the push service: the subscription is gone and is deleted', async () => {
		for (const status of [410, 404]) {
			const browser = browserSubscription();
			const userId = await subscribed(browser);
			answers.set(browser.path, status);
			expect(await pushToUser(userId, message)).toEqual({ sent: 0, removed: 1, failed: 0 });
			expect(await isSubscribed(userId, browser.input.endpoint)).toBe(false);
			expect(await subscriptionCount(userId)).toBe(0);
		}
	});

	it('500 or an unreachable service: counted as failed, the subscription is kept for the next reminder', async () => {
		const browser = browserSubscription();
		const userId = await subscribed(browser);
		answers.set(browser.path, 500);
		expect(await pushToUser(userId, message)).toEqual({ sent: 0, removed: 0, failed: 1 });
		expect(received).toHaveLength(1);
		expect(await isSubscribed(userId, browser.input.endpoint)).toBe(true);
		const [row] = await db
			.select()
			.from(pushSubscriptions)
			.where(eq(pushSubscriptions.endpoint, browser.input.endpoint));
		expect(row.lastSentAt).toBeNull();

		// Nothing listens on this port any more.
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const deadPort = (closed.address() as AddressInfo).port;
		await new Promise((resolve) => closed.close(resolve));
		const dead = browserSubscription();
		const other = await subscribed({
			...dead,
			input: { ...dead.input, endpoint: `http://127.0.0.1:${deadPort}/push/x` }
		});
		expect(await pushToUser(other, message)).toEqual({ sent: 0, removed: 0, failed: 1 });
		expect(await subscriptionCount(other)).toBe(1);
	});

	it('a user without devices gets nothing sent', async () => {
		const user = await makeUser('volunteer', null);
		expect(await pushToUser(user.id, message)).toEqual({ sent: 0, removed: 0, failed: 0 });
		expect(received).toHaveLength(0);
	});
});

describe('subscriptions', () => {
	it('one row per endpoint: subscribing again updates the keys (and owner), unsubscribe only removes one’s own', async () => {
		const browser = browserSubscription();
		const first = await subscribed(browser);
		const renewed = browserSubscription();
		await subscribe(first, await makeSession(first), { endpoint: browser.input.endpoint, keys: renewed.input.keys });
		expect(await subscriptionCount(first)).toBe(1);
		await pushToUser(first, message);
		expect(decryptWithEce(received[0].body, renewed)).toEqual(message);

		// The same browser, now signed in as someone else.
		const second = (await makeUser('volunteer', null)).id;
		await subscribe(second, await makeSession(second), browser.input);
		expect([
			await isSubscribed(first, browser.input.endpoint),
			await isSubscribed(second, browser.input.endpoint)
		]).toEqual([false, true]);

		await unsubscribe(first, browser.input.endpoint);
		expect(await isSubscribed(second, browser.input.endpoint)).toBe(true);
		await unsubscribe(second, browser.input.endpoint);
		expect(await subscriptionCount(second)).toBe(0);
	});
});

describe('signing out', () => {
	it('unsubscribes the device of that session, and only that device', async () => {
		const user = await makeUser('volunteer', null);
		const [phone, laptop] = [browserSubscription(), browserSubscription()];
		const phoneToken = generateSessionToken();
		const phoneSession = await createSession(phoneToken, user.id, 'volunteer');
		await subscribe(user.id, phoneSession.id, phone.input);
		await subscribe(user.id, await makeSession(user.id), laptop.input);

		await invalidateSession(phoneSession.id, user.id);
		expect(await isSubscribed(user.id, phone.input.endpoint)).toBe(false);
		expect(await isSubscribed(user.id, laptop.input.endpoint)).toBe(true);
		expect(await pushToUser(user.id, message)).toEqual({ sent: 1, removed: 0, failed: 0 });
		expect(received.map((r) => r.path)).toEqual([laptop.path]);
	});
});
