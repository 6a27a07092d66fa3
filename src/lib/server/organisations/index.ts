import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { OrganisationKind } from '$lib/domain';
import { recordAuditIn } from '../audit';
import { db, type Tx } from '../db';
import { ChangedMeanwhile, exactlyOne, writeIfUnchanged } from '../db/conditional';
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

/** The counties, for the "belongs to" menus. */
export async function listCounties() {
	return db.select().from(organisations).where(eq(organisations.kind, 'county')).orderBy(asc(organisations.name));
}

/** A county belongs to none; a town or welfare organisation to an existing county (or none yet). */
function isCountyFor(tx: Tx, kind: OrganisationKind, countyId: string | null): boolean {
	if (countyId === null) return true;
	if (kind === 'county') return false;
	const row = tx.select({ kind: organisations.kind }).from(organisations).where(eq(organisations.id, countyId)).get();
	return row?.kind === 'county';
}

export async function createOrganisation(
	actor: Actor,
	name: string,
	kind: OrganisationKind,
	countyId: string | null = null
): Promise<{ ok: true; id: string } | { reason: string }> {
	const id = crypto.randomUUID();
	return db.transaction((tx) => {
		if (!isCountyFor(tx, kind, countyId)) return { reason: 'admin.county_invalid' };
		tx.insert(organisations).values({ id, name, kind, countyId }).run();
		recordAuditIn(tx, { actor, action: 'organisation.created', detail: { organisationId: id, name, kind, countyId } });
		return { ok: true as const, id };
	});
}

/** The admin links an organisation to its county, conditional on the link the form showed ('' for none). */
export async function setCounty(
	actor: Actor,
	organisationId: string,
	seen: string | null,
	countyId: string | null
): Promise<{ ok: true } | { reason: string }> {
	if (actor.role !== 'admin') return { reason: 'error.not_found' };
	try {
		const outcome = writeIfUnchanged((tx) => {
			const org = tx.select().from(organisations).where(eq(organisations.id, organisationId)).get();
			if (org === undefined) throw new ChangedMeanwhile();
			if (!isCountyFor(tx, org.kind, countyId)) throw new InvalidCounty();
			exactlyOne(
				tx
					.update(organisations)
					.set({ countyId })
					.where(
						and(
							eq(organisations.id, organisationId),
							seen === null ? isNull(organisations.countyId) : eq(organisations.countyId, seen)
						)
					)
					.run()
			);
			recordAuditIn(tx, {
				actor,
				action: 'organisation.county_changed',
				detail: { organisationId, from: seen, to: countyId }
			});
		});
		return outcome.ok ? { ok: true } : { reason: outcome.reason };
	} catch (e) {
		if (e instanceof InvalidCounty) return { reason: 'admin.county_invalid' };
		throw e;
	}
}

class InvalidCounty extends Error {}

/** How long closed cases are kept before they are anonymised, in whole years. */
export const RETENTION_YEARS_RANGE = { min: 1, max: 10 } as const;

/** The admin sets an organisation's retention period, conditional on the value the form showed. */
export async function setRetentionYears(
	actor: Actor,
	organisationId: string,
	seen: number,
	years: number
): Promise<{ ok: true } | { reason: string }> {
	if (actor.role !== 'admin') return { reason: 'error.not_found' };
	const outcome = writeIfUnchanged((tx) => {
		exactlyOne(
			tx
				.update(organisations)
				.set({ retentionYears: years })
				.where(and(eq(organisations.id, organisationId), eq(organisations.retentionYears, seen)))
				.run()
		);
		recordAuditIn(tx, {
			actor,
			action: 'organisation.retention_changed',
			detail: { organisationId, from: seen, to: years }
		});
	});
	return outcome.ok ? { ok: true } : { reason: outcome.reason };
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
