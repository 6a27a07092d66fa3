import { error } from '@sveltejs/kit';
import { and, count, eq, gte, isNull, lt, sum } from 'drizzle-orm';
import { db } from '../db';
import { keysetPage } from '../db/keyset';
import { networkingContacts } from '../db/schema';
import type { Actor } from '../policy';
import { berlinParts, berlinWallTime } from '../appointments/time';
import type { NetworkingInput } from './schema';
import { contactTime } from './when';

type NetworkingActor = Actor & { organisationId: string };

/** Networking is counted per integration manager: caseworkers and leads of an organisation keep their own. */
export function requireNetworker(actor: Actor): NetworkingActor {
	if ((actor.role !== 'caseworker' && actor.role !== 'lead') || actor.organisationId === null) {
		error(404, 'error.not_found');
	}
	return actor as NetworkingActor;
}

export type NetworkingResult = { ok: true; id: string } | { ok: false; reason: string; field?: string };

/** Logs a call or meeting with a service; only the day is asked: today means now, an earlier day its noon. */
export function recordNetworking(actor: Actor, input: NetworkingInput, now = new Date()): NetworkingResult {
	const me = requireNetworker(actor);
	const today = input.date === berlinParts(now).date;
	const when = today ? ({ ok: true, at: now } as const) : contactTime(input.date, '12:00', now);
	if (!when.ok) return { ok: false, reason: when.reason, field: 'date' };
	const at = when.at;
	const id = crypto.randomUUID();
	db.insert(networkingContacts)
		.values({
			id,
			caseworkerId: me.id,
			organisationId: me.organisationId,
			occurredAt: at,
			group: input.group,
			form: input.form,
			durationMinutes: input.durationMinutes,
			note: input.note,
			createdAt: now,
			updatedAt: now
		})
		.run();
	return { ok: true, id };
}

const mine = (actor: Actor) => and(eq(networkingContacts.caseworkerId, actor.id), isNull(networkingContacts.deletedAt));

/** The actor's own networking contacts, newest first, 50 at a time (index networking_caseworker_idx). */
export async function networkingPage(actor: Actor, cursor: string | null) {
	const me = requireNetworker(actor);
	type Row = typeof networkingContacts.$inferSelect;
	return keysetPage({
		list: `networking:${me.id}`,
		cursor,
		columns: [networkingContacts.occurredAt, networkingContacts.id],
		descending: true,
		keyOf: (r: Row) => [r.occurredAt.getTime(), r.id],
		rows: (key, orderBy, limit) =>
			db
				.select()
				.from(networkingContacts)
				.where(and(mine(me), key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(networkingContacts).where(mine(me)))[0].n
	});
}

/** The first instant of a calendar month in Germany. */
export function monthStart(year: number, month: number): Date {
	const y = year + Math.floor((month - 1) / 12);
	const m = ((((month - 1) % 12) + 12) % 12) + 1;
	const start = berlinWallTime(`${y}-${String(m).padStart(2, '0')}-01`, '00:00');
	if (!start.ok) throw new Error('midnight on the first always exists in Germany');
	return start.at;
}

/** Count and minutes of the actor's networking in one calendar month (Germany). */
export async function networkingMonth(actor: Actor, year: number, month: number) {
	const me = requireNetworker(actor);
	const [row] = await db
		.select({ n: count(), minutes: sum(networkingContacts.durationMinutes) })
		.from(networkingContacts)
		.where(
			and(
				mine(me),
				gte(networkingContacts.occurredAt, monthStart(year, month)),
				lt(networkingContacts.occurredAt, monthStart(year, month + 1))
			)
		);
	return { count: row.n, minutes: Number(row.minutes ?? 0) };
}
