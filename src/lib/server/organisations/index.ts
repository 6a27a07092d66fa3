import { asc, eq } from 'drizzle-orm';
import type { OrganisationKind } from '$lib/domain';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { organisations } from '../db/schema';
import type { Actor } from '../policy';

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
