import { and, asc, count, eq, inArray, type SQL } from 'drizzle-orm';
import type { ReferralTarget } from '$lib/casework';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { exactlyOne, writeIfUnchanged } from '../db/conditional';
import { keysetPage } from '../db/keyset';
import { organisations, participants, services } from '../db/schema';
import type { Actor } from '../policy';
import type { Service } from './tables';

export type ServiceInput = Pick<Service, 'target' | 'name' | 'address' | 'phone' | 'email' | 'note'>;

/** Every county on the installation, for the admin's choice of directory. */
export async function listCounties() {
	return db
		.select({ id: organisations.id, name: organisations.name })
		.from(organisations)
		.where(eq(organisations.kind, 'county'))
		.orderBy(asc(organisations.name));
}

/**
 * The counties whose directory serves an organisation's cases. Organisations have no link to a county: a
 * county's own cases use its directory; a town or welfare organisation uses every county's on the installation,
 * because an installation serves one county (the state funds one uniform documentation per county). A second
 * county on one installation would need that link first.
 */
export async function directoryCountiesOf(organisationId: string): Promise<string[]> {
	const [own] = await db
		.select({ kind: organisations.kind })
		.from(organisations)
		.where(eq(organisations.id, organisationId));
	if (own?.kind === 'county') return [organisationId];
	return (await listCounties()).map((c) => c.id);
}

/** The counties whose directory serves a participant's case (the organisation that keeps it). */
export async function directoryCountiesForParticipant(participantId: string): Promise<string[]> {
	const [row] = await db
		.select({ organisationId: participants.organisationId })
		.from(participants)
		.where(eq(participants.id, participantId));
	return row === undefined ? [] : directoryCountiesOf(row.organisationId);
}

/** The admin's list of one county's directory, 50 at a time by target and name, optionally one target only. */
export async function servicesPage(countyId: string, target: ReferralTarget | null, cursor: string | null) {
	const where = and(eq(services.countyId, countyId), target === null ? undefined : eq(services.target, target));
	return keysetPage({
		list: `services:${countyId}:${target ?? ''}`,
		cursor,
		columns: [services.target, services.name, services.id],
		keyOf: (s: Service) => [s.target, s.name, s.id],
		rows: (key: SQL | undefined, orderBy, limit) =>
			db
				.select()
				.from(services)
				.where(and(where, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(services).where(where))[0].n
	});
}

/** The active services a case can be referred to, by target and name (a county keeps a few dozen). */
export async function activeServicesIn(countyIds: string[]): Promise<Service[]> {
	if (countyIds.length === 0) return [];
	return db
		.select()
		.from(services)
		.where(and(inArray(services.countyId, countyIds), eq(services.active, true)))
		.orderBy(asc(services.target), asc(services.name));
}

export async function serviceById(id: string): Promise<Service | null> {
	const [row] = await db.select().from(services).where(eq(services.id, id));
	return row ?? null;
}

export async function addService(actor: Actor, countyId: string, input: ServiceInput): Promise<string | null> {
	const [county] = await db
		.select({ id: organisations.id })
		.from(organisations)
		.where(and(eq(organisations.id, countyId), eq(organisations.kind, 'county')));
	if (county === undefined) return null;
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		tx.insert(services)
			.values({ id, countyId, ...input })
			.run();
		recordAuditIn(tx, { actor, action: 'service.added', detail: { serviceId: id, countyId, name: input.name } });
	});
	return id;
}

/** Changes an entry as the admin saw it (version): of two edits sent at once the second is refused. */
export function updateService(actor: Actor, id: string, version: number, input: ServiceInput) {
	return writeIfUnchanged((tx) => {
		exactlyOne(
			tx
				.update(services)
				.set({ ...input, version: version + 1, updatedAt: new Date() })
				.where(and(eq(services.id, id), eq(services.version, version)))
				.run()
		);
		recordAuditIn(tx, { actor, action: 'service.changed', detail: { serviceId: id, name: input.name } });
	});
}

/** Deactivated entries stay: referrals made to them keep their name; they are only no longer offered. */
export function setServiceActive(actor: Actor, id: string, version: number, active: boolean) {
	return writeIfUnchanged((tx) => {
		exactlyOne(
			tx
				.update(services)
				.set({ active, version: version + 1, updatedAt: new Date() })
				.where(and(eq(services.id, id), eq(services.version, version), eq(services.active, !active)))
				.run()
		);
		recordAuditIn(tx, {
			actor,
			action: active ? 'service.reactivated' : 'service.deactivated',
			detail: { serviceId: id }
		});
	});
}
