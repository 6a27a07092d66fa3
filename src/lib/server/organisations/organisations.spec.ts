import { and, desc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { auditLog, organisations } from '../db/schema';
import { actorOf, makeOrganisation, makeUser } from '../testing/factories';
import { createOrganisation, setCounty, setRetentionYears } from '.';

const read = async (id: string) => (await db.select().from(organisations).where(eq(organisations.id, id)))[0];
const lastAudit = async (action: 'organisation.retention_changed' | 'organisation.county_changed') =>
	(await db.select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.id)).limit(1))[0];

describe('the admin sets retention period and county', () => {
	it('changes the retention period once when two admins save from the same page', async () => {
		const org = await makeOrganisation('town');
		const admin = actorOf(await makeUser('admin', null));
		const [a, b] = await Promise.all([setRetentionYears(admin, org.id, 3, 5), setRetentionYears(admin, org.id, 3, 7)]);
		expect([a, b]).toEqual([{ ok: true }, { reason: 'form.changed_meanwhile' }]);
		expect((await read(org.id)).retentionYears).toBe(5);
		expect((await lastAudit('organisation.retention_changed')).detail).toEqual({
			organisationId: org.id,
			from: 3,
			to: 5
		});
	});

	it('is the admin’s alone', async () => {
		const org = await makeOrganisation('county');
		expect(await setRetentionYears(actorOf(await makeUser('lead', org.id)), org.id, 3, 5)).toEqual({
			reason: 'error.not_found'
		});
	});

	it('links a town to a county, never a county to a county nor a town to a town', async () => {
		const county = await makeOrganisation('county');
		const other = await makeOrganisation('county');
		const town = await makeOrganisation('town');
		const admin = actorOf(await makeUser('admin', null));
		expect(await setCounty(admin, town.id, null, county.id)).toEqual({ ok: true });
		expect((await read(town.id)).countyId).toBe(county.id);
		expect(await setCounty(admin, town.id, null, other.id)).toEqual({ reason: 'form.changed_meanwhile' });
		expect(await setCounty(admin, other.id, null, county.id)).toEqual({ reason: 'admin.county_invalid' });
		expect(await setCounty(admin, town.id, county.id, town.id)).toEqual({ reason: 'admin.county_invalid' });
		expect((await read(town.id)).countyId).toBe(county.id);
		expect(
			await db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.action, 'organisation.county_changed')))
		).toHaveLength(1);
	});

	it('creates an organisation in its county', async () => {
		const county = await makeOrganisation('county');
		const admin = actorOf(await makeUser('admin', null));
		const created = await createOrganisation(admin, 'Diakonie Test', 'welfare', county.id);
		if (!('ok' in created)) throw new Error('not created');
		expect(await read(created.id)).toMatchObject({ kind: 'welfare', countyId: county.id, retentionYears: 3 });
		expect(await createOrganisation(admin, 'Kreis im Kreis', 'county', county.id)).toEqual({
			reason: 'admin.county_invalid'
		});
	});
});
