import { and, eq, or } from 'drizzle-orm';
import { dayInGermany } from '$lib/i18n/format';
import type { Tx } from '../db';
import { organisations, users } from '../db/schema';
import { labelKey } from './labels';
import type { RowContext } from './rows';

// Sheets name the place ("Ditzingen"), Tandem the town's administration ("Stadt Ditzingen"): both match.
const TOWN_PREFIX = /^(große kreisstadt|kreisstadt|stadt|gemeinde|markt)\s+/i;

/**
 * What the rows of an organisation's sheet are checked against: the towns of its county (a county's own towns, or
 * the county a town or welfare organisation belongs to) and its active caseworkers, by display name or username.
 */
export function rowContextIn(tx: Tx, organisationId: string, today = dayInGermany()): RowContext {
	const organisation = tx.select().from(organisations).where(eq(organisations.id, organisationId)).get();
	if (organisation === undefined) throw new Error(`organisation ${organisationId} missing`);
	const countyId = organisation.kind === 'county' ? organisation.id : organisation.countyId;
	const towns = tx
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(
			and(
				eq(organisations.kind, 'town'),
				countyId === null
					? eq(organisations.id, organisation.id)
					: or(eq(organisations.countyId, countyId), eq(organisations.id, organisation.id))
			)
		)
		.all();
	const caseworkers = tx
		.select({ id: users.id, displayName: users.displayName, username: users.username })
		.from(users)
		.where(and(eq(users.organisationId, organisationId), eq(users.role, 'caseworker'), eq(users.active, true)))
		.all();
	const caseworkerKeys = new Map<string, string>();
	for (const c of caseworkers) {
		caseworkerKeys.set(labelKey(c.username), c.id);
		caseworkerKeys.set(labelKey(c.displayName), c.id);
	}
	const townKeys = new Map<string, string>();
	for (const town of towns) {
		townKeys.set(labelKey(town.name), town.id);
		townKeys.set(labelKey(town.name.replace(TOWN_PREFIX, '')), town.id);
	}
	const names = new Map([...towns, ...caseworkers].map((o) => [o.id, 'name' in o ? o.name : o.displayName]));
	return { towns: townKeys, caseworkers: caseworkerKeys, today, names };
}
