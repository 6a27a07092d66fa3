import { desc } from 'drizzle-orm';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { db } from '../../db';
import { auditLog } from '../../db/schema';
import { reportAccess } from '../../policy';
import { actorOf, makeUser, makeWorld } from '../../testing/factories';
import { exportReport } from '.';

const period = { from: '2026-01-01', to: '2026-12-31' };

async function lastAudit() {
	const [entry] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
	return entry;
}

describe('exporting the yearly report', () => {
	it('gives a lead a sheet per caseworker of the organisation, and audits who, what and which period', async () => {
		const w = await makeWorld();
		const access = await reportAccess(actorOf(w.lead), {});
		if (access === null) throw new Error('the lead may see the organisation');
		const file = await exportReport(access, period, 'xlsx', 'Martina Schulz');
		expect(file.fileName).toBe('Auswertung_2026-01-01_2026-12-31.xlsx');
		const names = (await readXlsxFile(file.body)).map((s) => s.sheet);
		expect(names[0]).toBe('Zusammenfassung');
		expect(names).toContain(w.caseworker.displayName);
		expect(names).toContain(w.otherCaseworker.displayName);
		// The welfare organisation's caseworker is not the lead's.
		expect(names).not.toContain(w.welfareCaseworker.displayName);
		expect(names.at(-1)).toBe('Hinweise');
		expect(await lastAudit()).toMatchObject({
			action: 'report.exported',
			actorId: w.lead.id,
			actorRole: 'lead',
			participantId: null,
			detail: { format: 'xlsx', scope: { kind: 'organisation', organisationId: w.county.id }, period }
		});
	});

	it('gives a caseworker their own figures as CSV', async () => {
		const w = await makeWorld();
		const access = await reportAccess(actorOf(w.caseworker), {});
		if (access === null) throw new Error('a caseworker sees their own figures');
		const file = await exportReport(access, period, 'csv', 'Sabine Keller');
		const rows = Papa.parse<string[]>(file.body.toString('utf8').slice(1), { delimiter: ';' }).data;
		expect(rows.find((r) => r[0] === 'Bereich')?.[1]).toBe(`Fachkraft: ${w.caseworker.displayName}`);
		expect(rows.filter((r) => r[0] === 'Bereich')).toHaveLength(1);
		expect((await lastAudit()).detail).toMatchObject({ format: 'csv', scope: { kind: 'caseworker' } });
	});

	it('gives the coordinator the county without any caseworker sheet', async () => {
		const w = await makeWorld();
		const coordinator = await makeUser('coordinator', w.county.id);
		const access = await reportAccess(actorOf(coordinator), {});
		if (access === null) throw new Error('the coordinator sees the county');
		const file = await exportReport(access, period, 'xlsx', 'Katrin Vogel');
		expect((await readXlsxFile(file.body)).map((s) => s.sheet)).toEqual(['Zusammenfassung', 'Hinweise']);
		expect((await lastAudit()).detail).toMatchObject({ scope: { kind: 'county' }, caseworkerSheets: 0 });
	});
});
