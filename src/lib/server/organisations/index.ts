import { and, asc, count, eq } from 'drizzle-orm';
import type { OrganisationKind } from '$lib/domain';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { exactlyOne, writeIfUnchanged } from '../db/conditional';
import { keysetPage } from '../db/keyset';
import { organisations } from '../db/schema';
import type { Actor } from '../policy';

/** The admin's list, 50 at a time by kind and name. */
export async function organisationsPage(cursor: string | null) {
	return keysetPage({
		list: 'organisations',
		cursor,
		columns: [organisations.kind, organisations.name, organisations.id],
		keyOf: (o: { kind: string; name: string; id: string }) => [o.kind, o.name, o.id],
		rows: (key, orderBy, limit) =>
			db
				.select()
				.from(organisations)
				.where(key)
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(organisations))[0].n
	});
}

/** Every organisation, for the menu of the new-account form. */
export async function listOrganisations() {
	return db.select().from(organisations).orderBy(asc(organisations.kind), asc(organisations.name));
}

export async function listTowns() {
	return db.select().from(organisations).where(eq(organisations.kind, 'town')).orderBy(asc(organisations.name));
}

export async function createOrganisation(actor: Actor, name: string, kind: OrganisationKind): Promise<string> {
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		tx.insert(organisations).values({ id, name, kind }).run();
		recordAuditIn(tx, { actor, action: 'organisation.created', detail: { organisationId: id, name, kind } });
	});
	return id;
}

/** After this many weeks without a contact a case shows in the work queue. At least one week, at most half a year. */
export const CONTACT_GAP_WEEKS_RANGE = { min: 1, max: 26 } as const;

/** The admin sets an organisation's contact gap, conditional on the value the form showed. */
export async function setContactGapWeeks(
	actor: Actor,
	organisationId: string,
	seen: number,
	weeks: number
): Promise<{ ok: true } | { reason: string }> {
	if (actor.role !== 'admin') return { reason: 'error.not_found' };
	const outcome = writeIfUnchanged((tx) => {
		exactlyOne(
			tx
				.update(organisations)
				.set({ contactGapWeeks: weeks })
				.where(and(eq(organisations.id, organisationId), eq(organisations.contactGapWeeks, seen)))
				.run()
		);
		recordAuditIn(tx, {
			actor,
			action: 'organisation.contact_gap_changed',
			detail: { organisationId, from: seen, to: weeks }
		});
	});
	return outcome.ok ? { ok: true } : { reason: outcome.reason };
}
