import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import { and, count, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import {
	assignments,
	auditLog,
	cases,
	households,
	importDrafts,
	imports,
	organisations,
	participants
} from '../db/schema';
import { findOpenInvitation } from '../invitations';
import { actorOf, makeOrganisation, makeUser } from '../testing/factories';
import { createDraft } from './drafts';
import { issueLetters, lettersStillValid } from './letters';
import { guessMapping, type Mapping } from './mapping';
import { dryRun, runImport } from './run';
import { sampleCsv, sampleSheet, sampleXlsx } from './testing/sample';

async function makeCounty() {
	const county = await makeOrganisation('county', `Landkreis ${crypto.randomUUID().slice(0, 6)}`);
	const ditzingen = await makeOrganisation('town', 'Stadt Ditzingen');
	const hemmingen = await makeOrganisation('town', 'Hemmingen');
	const elsewhere = await makeOrganisation('town', 'Fremdstadt');
	for (const town of [ditzingen, hemmingen]) {
		await db.update(organisations).set({ countyId: county.id }).where(eq(organisations.id, town.id));
	}
	const lead = actorOf(await makeUser('lead', county.id));
	const keller = await makeUser('caseworker', county.id, {
		displayName: 'Sabine Keller',
		username: `skeller-${crypto.randomUUID().slice(0, 8)}`
	});
	await makeUser('caseworker', county.id, { displayName: 'Alt Person', active: false });
	await db.insert(participants).values([
		{
			id: crypto.randomUUID(),
			organisationId: county.id,
			townId: ditzingen.id,
			givenName: 'Jürgen',
			familyName: 'Müller',
			birthDate: '1970-01-01',
			residenceStatus: 'refugee',
			language: 'de'
		},
		{
			id: crypto.randomUUID(),
			organisationId: county.id,
			townId: ditzingen.id,
			givenName: 'Peter',
			familyName: 'Schmidt',
			birthDate: '1990-02-01',
			residenceStatus: 'refugee',
			language: 'de'
		}
	]);
	return { county, ditzingen, hemmingen, elsewhere, lead, keller };
}

// Row numbers as Excel shows them: the header is row 1.
const SHEET = (kellerUsername: string) =>
	[
		'Name;Geburtsdatum;Haushalt;Aufenthaltsstatus;Gemeinde;Integrationsmanager;Sprache;Telefon',
		'Haddad, Amina;01.02.1990;A;Flüchtlingsanerkennung;Ditzingen;Sabine Keller;Arabisch;0171 1234567', // 2
		`Haddad, Omar;1990-03-04;A;subsidiärer Schutz;Ditzingen;${kellerUsername};Arabisch;`, // 3
		'Tesfay Kidane;32874;;§ 24;Hemmingen;;Tigrinya;', // 4: Excel serial of 1 January 1990
		'Rahimi, Sara;31.02.1990;;Duldung;Ditzingen;;Farsi;', // 5
		'Karimi, Omid;05.05.1985;;Touristenvisum;Ditzingen;;Farsi;', // 6
		'Azizi, Hamid;06.06.1986;;Gestattung;Atlantis;;Farsi;', // 7
		'Yousef, Lina;07.07.1987;;Duldung;Fremdstadt;;Deutsch;', // 8: a town outside the county
		'Berhe, Selam;08.08.1988;;Duldung;Hemmingen;Alt Person;Tigrinya;', // 9: an inactive caseworker
		'Mahmoud, Rami;09.09.1989;;Duldung;Hemmingen;;Klingonisch;', // 10
		';10.10.1980;;Duldung;Hemmingen;;;', // 11
		'Kidane, Tesfay;01.01.1990;;§ 24;Hemmingen;;Tigrinya;', // 12: row 4 again, names swapped
		'Muller, Jürgen;01.01.1970;;Duldung;Ditzingen;;Deutsch;', // 13: Jürgen Müller, already in Tandem
		'Nadia Haddad;01.02.1991;;Niederlassungserlaubnis;Hemmingen;;;0711/987654' // 14
	].join('\r\n');

const encode = (text: string) => new TextEncoder().encode(text);

async function upload(lead: ReturnType<typeof actorOf>, bytes: Uint8Array, name = 'faelle.csv') {
	const uploaded = await createDraft(lead, name, bytes);
	if (!uploaded.ok) throw new Error(uploaded.reason);
	const [draft] = await db.select().from(importDrafts).where(eq(importDrafts.id, uploaded.draftId));
	return { draftId: uploaded.draftId, mapping: guessMapping(draft!.headers) };
}

describe('import dry run and import', () => {
	it('takes the good rows, refuses each bad one with its reason, skips duplicates, and creates what it said', async () => {
		const world = await makeCounty();
		const { draftId, mapping } = await upload(world.lead, encode(SHEET(world.keller.username)));
		expect(mapping).toMatchObject({
			name: 0,
			birthDate: 1,
			household: 2,
			residenceStatus: 3,
			town: 4,
			caseworker: 5,
			language: 6,
			phone: 7
		});

		const checked = await dryRun(world.lead, draftId, mapping);
		if (!checked.ok) throw new Error(checked.reason);
		expect(checked.check.refusals).toEqual([
			{ row: 5, reason: 'import.refused_birth_date', value: '31.02.1990' },
			{ row: 6, reason: 'import.refused_status', value: 'Touristenvisum' },
			{ row: 7, reason: 'import.refused_town', value: 'Atlantis' },
			{ row: 8, reason: 'import.refused_town', value: 'Fremdstadt' },
			{ row: 9, reason: 'import.refused_caseworker', value: 'Alt Person' },
			{ row: 10, reason: 'import.refused_language', value: 'Klingonisch' },
			{ row: 11, reason: 'import.refused_name', value: '' }
		]);
		const [jurgen] = await db
			.select()
			.from(participants)
			.where(and(eq(participants.organisationId, world.county.id), eq(participants.familyName, 'Müller')));
		expect(checked.check.duplicates).toEqual([
			{ row: 12, name: 'Tesfay Kidane', existingId: null, sameAsRow: 4 },
			{ row: 13, name: 'Jürgen Muller', existingId: jurgen!.id, sameAsRow: null }
		]);
		expect(checked.check.people.map((p) => p.row)).toEqual([2, 3, 4, 14]);
		expect(checked.check.households).toBe(3);
		expect(checked.check.assignments).toBe(2);
		const before = await participantCount(world.county.id);
		expect(before).toBe(2);

		const imported = await runImport(world.lead, draftId, mapping);
		if (!imported.ok) throw new Error(imported.reason);
		const people = await db.select().from(participants).where(eq(participants.importId, imported.importId));
		expect(people).toHaveLength(4);
		const amina = people.find((p) => p.givenName === 'Amina')!;
		const omar = people.find((p) => p.givenName === 'Omar')!;
		const tesfay = people.find((p) => p.givenName === 'Tesfay')!;
		const nadia = people.find((p) => p.givenName === 'Nadia')!;
		expect(amina).toMatchObject({
			familyName: 'Haddad',
			birthDate: '1990-02-01',
			residenceStatus: 'refugee',
			townId: world.ditzingen.id,
			language: 'ar',
			phone: '0171 1234567'
		});
		expect(omar).toMatchObject({
			birthDate: '1990-03-04',
			residenceStatus: 'subsidiary_protection',
			householdId: amina.householdId
		});
		expect(tesfay).toMatchObject({
			familyName: 'Kidane',
			birthDate: '1990-01-01',
			residenceStatus: 'temporary_protection',
			language: 'ti'
		});
		expect(nadia).toMatchObject({ residenceStatus: 'settlement_permit', language: 'de', phone: '0711/987654' });
		expect(new Set(people.map((p) => p.householdId)).size).toBe(3);
		const assigned = await db.select().from(assignments).where(eq(assignments.caseworkerId, world.keller.id));
		expect(assigned.map((a) => a.participantId).sort()).toEqual([amina.id, omar.id].sort());
		for (const person of people) {
			const [c] = await db.select().from(cases).where(eq(cases.participantId, person.id));
			expect(c?.status).toBe('active');
		}
		const [row] = await db.select().from(imports).where(eq(imports.id, imported.importId));
		expect(row).toMatchObject({ rowCount: 13, createdCount: 4, duplicateCount: 2, refusedCount: 7 });
		const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, world.lead.id));
		expect(audit.filter((a) => a.action === 'participant.created')).toHaveLength(4);
		const completed = audit.find((a) => a.action === 'import.completed')!;
		expect(completed.detail).toMatchObject({ people: 4, refused: 7, duplicates: 2 });
		// Counts only: no name of the sheet in the audit detail.
		expect(JSON.stringify(audit.map((a) => a.detail))).not.toMatch(/Haddad|Kidane|Müller/);
	});

	it('imports nothing new from the same file a second time', async () => {
		const world = await makeCounty();
		const bytes = encode(SHEET(world.keller.username));
		const first = await upload(world.lead, bytes);
		const done = await runImport(world.lead, first.draftId, first.mapping);
		expect(done.ok).toBe(true);
		const second = await upload(world.lead, bytes);
		const checked = await dryRun(world.lead, second.draftId, second.mapping);
		if (!checked.ok) throw new Error(checked.reason);
		expect(checked.check.people).toHaveLength(0);
		expect(checked.check.duplicates.map((d) => d.row)).toEqual([2, 3, 4, 12, 13, 14]);
		const again = await runImport(world.lead, second.draftId, second.mapping);
		if (!again.ok) throw new Error(again.reason);
		expect(again.check.people).toHaveLength(0);
		expect(await participantCount(world.county.id)).toBe(2 + 4);
	});

	it('imports a draft once when two imports of it run at the same time', async () => {
		const world = await makeCounty();
		const { draftId, mapping } = await upload(world.lead, encode(SHEET(world.keller.username)));
		// Both have read the draft before either writes: the second finds it taken inside its own transaction.
		const outcomes = await Promise.all([
			runImport(world.lead, draftId, mapping),
			runImport(world.lead, draftId, mapping)
		]);
		expect(outcomes.filter((o) => o.ok)).toHaveLength(1);
		expect(outcomes.find((o) => !o.ok)).toEqual({
			ok: false,
			reason: 'import.already_imported',
			importId: outcomes.find((o) => o.ok)!.importId
		});
		expect(await draftCells(draftId)).toEqual([]);
		expect(await participantCount(world.county.id)).toBe(2 + 4);
		expect(await db.select().from(imports).where(eq(imports.organisationId, world.county.id))).toHaveLength(1);
	});

	it('imports a draft once when another server process imports it at the same moment', async () => {
		const world = await makeCounty();
		const { draftId, mapping } = await upload(world.lead, encode(SHEET(world.keller.username)));
		const start = new Int32Array(new SharedArrayBuffer(4));
		const worker = new Worker(new URL('./testing/other-import.js', import.meta.url), {
			workerData: {
				file: process.env.DATABASE_URL,
				draftId,
				organisationId: world.county.id,
				userId: world.lead.id,
				start
			}
		});
		await once(worker, 'message');
		Atomics.store(start, 0, 1);
		Atomics.notify(start, 0);
		const [ours, [theirs]] = await Promise.all([runImport(world.lead, draftId, mapping), once(worker, 'message')]);
		await worker.terminate();
		// Exactly one of the two took the draft, and only the winner's import exists.
		expect([ours.ok, theirs]).toContainEqual(true);
		expect(ours.ok).toBe(!theirs);
		expect(await db.select().from(imports).where(eq(imports.organisationId, world.county.id))).toHaveLength(1);
		expect(await participantCount(world.county.id)).toBe(ours.ok ? 2 + 4 : 2);
	});

	it('leaves nothing behind when the import fails half-way', async () => {
		const world = await makeCounty();
		const { draftId, mapping } = await upload(world.lead, encode(SHEET(world.keller.username)));
		const householdsBefore = (await db.select({ n: count() }).from(households))[0]!.n;
		const auditBefore = (await db.select({ n: count() }).from(auditLog))[0]!.n;
		// A real failure of the database on the second person (Omar), after Amina was written.
		db.$client.exec(`create trigger fail_omar before insert on participants when new.given_name = 'Omar'
			begin select raise(abort, 'disk full'); end`);
		try {
			await expect(runImport(world.lead, draftId, mapping)).rejects.toThrow();
		} finally {
			db.$client.exec('drop trigger fail_omar');
		}
		expect(await participantCount(world.county.id)).toBe(2);
		expect((await db.select({ n: count() }).from(households))[0]!.n).toBe(householdsBefore);
		expect((await db.select({ n: count() }).from(auditLog))[0]!.n).toBe(auditBefore);
		expect(await db.select().from(imports).where(eq(imports.organisationId, world.county.id))).toHaveLength(0);
		// The draft is still there, so the lead can try again.
		expect((await runImport(world.lead, draftId, mapping)).ok).toBe(true);
	});

	it('gives the same numbers in the dry run and the import of a generated sheet with bad rows', async () => {
		const world = await makeCounty();
		const sample = sampleSheet({
			rows: 200,
			bad: 10,
			towns: ['Ditzingen', 'Hemmingen'],
			caseworkers: ['Sabine Keller']
		});
		const { draftId, mapping } = await upload(world.lead, await sampleXlsx(sample), 'faelle.xlsx');
		const checked = await dryRun(world.lead, draftId, mapping);
		if (!checked.ok) throw new Error(checked.reason);
		expect(checked.check.refusals.map((r) => r.row)).toEqual(sample.bad.map((b) => b.row));
		expect(checked.check.people).toHaveLength(190);
		// Households of three consecutive rows (H0, H1, …): 67 keys for 200 rows, and every key keeps a member.
		expect(checked.check.households).toBe(67);
		const imported = await runImport(world.lead, draftId, mapping);
		if (!imported.ok) throw new Error(imported.reason);
		expect(await db.select().from(participants).where(eq(participants.importId, imported.importId))).toHaveLength(190);
		expect(imported.check.refusals).toEqual(checked.check.refusals);
	});

	it('prints one letter per imported person, in their language with German beside it, with a working code', async () => {
		const world = await makeCounty();
		const { draftId, mapping } = await upload(world.lead, encode(SHEET(world.keller.username)));
		const imported = await runImport(world.lead, draftId, mapping);
		if (!imported.ok) throw new Error(imported.reason);
		expect(await lettersStillValid(world.lead, imported.importId)).toBe(0);
		const letters = await issueLetters(world.lead, imported.importId, 'https://tandem.example');
		expect(await lettersStillValid(world.lead, imported.importId)).toBe(4);
		expect(letters.map((l) => l.name)).toEqual(['Amina Haddad', 'Nadia Haddad', 'Omar Haddad', 'Tesfay Kidane']);
		expect(letters[0]!.sides.map((s) => [s.lang, s.dir])).toEqual([
			['ar', 'rtl'],
			['de', 'ltr']
		]);
		expect(letters[1]!.sides.map((s) => s.lang)).toEqual(['de']);
		expect(letters[3]!.sides[0]!.lang).toBe('ti');
		expect(letters[0]!.qrSvg).toContain('<svg');
		for (const letter of letters) expect((await findOpenInvitation(letter.code))?.participantId).toBe(letter.id);
		const issued = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.actorId, world.lead.id), eq(auditLog.action, 'invitation.issued')));
		expect(issued).toHaveLength(4);
	});

	it('is the lead’s: a caseworker, or another organisation’s lead, finds nothing', async () => {
		const world = await makeCounty();
		const other = await makeCounty();
		const caseworker = actorOf(world.keller);
		await expect(createDraft(caseworker, 'a.csv', encode(SHEET('x')))).rejects.toMatchObject({ status: 404 });
		const { draftId, mapping } = await upload(world.lead, encode(SHEET('x')));
		await expect(dryRun(other.lead, draftId, mapping)).rejects.toMatchObject({ status: 404 });
		await expect(runImport(caseworker, draftId, mapping)).rejects.toMatchObject({ status: 404 });
	});

	it('asks for a name, a residence status and a town column before a dry run', async () => {
		const world = await makeCounty();
		const { draftId, mapping } = await upload(world.lead, encode(SHEET('x')));
		const without: Mapping = { ...mapping, town: null };
		expect(await dryRun(world.lead, draftId, without)).toEqual({ ok: false, reason: 'import.map_town' });
		expect(await dryRun(world.lead, draftId, { ...mapping, phone: 0 })).toEqual({
			ok: false,
			reason: 'import.map_twice'
		});
	});
});

describe('reading sheets', () => {
	it('reads a Windows-1252 CSV with umlauts as Excel saves it', async () => {
		const world = await makeCounty();
		const sample = {
			headers: ['Nachname', 'Vorname', 'Geburtsdatum', 'Aufenthaltsstatus', 'Gemeinde'],
			rows: [['Öztürk', 'Jürgen', '3.4.1975', 'Aufenthaltsgestattung', 'Ditzingen']]
		};
		const bytes = sampleCsv(sample, 'windows-1252');
		expect(bytes.includes(0xfc)).toBe(true); // "ü" as one Windows-1252 byte
		const { draftId, mapping } = await upload(world.lead, bytes);
		const checked = await dryRun(world.lead, draftId, mapping);
		if (!checked.ok) throw new Error(checked.reason);
		expect(checked.check.people[0]).toMatchObject({
			familyName: 'Öztürk',
			givenName: 'Jürgen',
			birthDate: '1975-04-03',
			residenceStatus: 'gestattung'
		});
	});
});

async function participantCount(organisationId: string) {
	return (await db.select({ n: count() }).from(participants).where(eq(participants.organisationId, organisationId)))[0]!
		.n;
}

async function draftCells(draftId: string) {
	return (await db.select({ rows: importDrafts.rows }).from(importDrafts).where(eq(importDrafts.id, draftId)))[0]!.rows;
}
