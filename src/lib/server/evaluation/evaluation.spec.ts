import { unzipSync, strFromU8 } from 'fflate';
import { desc, eq } from 'drizzle-orm';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { assessments, auditLog, goals, organisations, planHistory } from '../db/schema';
import { actorOf, makeOrganisation, makeUser } from '../testing/factories';
import { germanNoon, makeCatalogueGoal, makeClosedCase, type PersonalData } from '../testing/closed-case';
import { evaluationScopeOf } from '../policy';
import { exportEvaluation } from '.';

const person = (n: number): PersonalData => ({
	givenName: `Yohannes${n}`,
	familyName: `Gebremariam${n}`,
	phone: `+49 157 3300 44${n}`,
	email: `yohannes${n}@mail.example`,
	address: `Am Kirchberg ${n}a, 71229 Leonberg`,
	birthDate: `1987-11-2${n}`,
	contactNote: `Streit mit Vermieter Huber ${n}`,
	goalTitle: `Arbeit bei Bäckerei Schmid ${n}`,
	caseNote: `Gesundheit: Diabetes ${n}`
});

const ASSESSMENT_NOTE = 'Flucht über Libyen, schläft schlecht';

const days = (a: string, b: string) => (Date.parse(a) - Date.parse(b)) / 86_400_000;

async function world() {
	const county = await makeOrganisation('county', 'Landkreis Test');
	const big = await makeOrganisation('town', 'Großstadt');
	const small = await makeOrganisation('town', 'Kleindorf');
	await db.update(organisations).set({ countyId: county.id }).where(eq(organisations.id, big.id));
	await db.update(organisations).set({ countyId: county.id }).where(eq(organisations.id, small.id));
	const elsewhere = await makeOrganisation('county', 'Anderer Kreis');
	const caseworker = await makeUser('caseworker', county.id);
	const lead = await makeUser('lead', county.id);
	const coordinator = await makeUser('coordinator', county.id);
	const goal = await makeCatalogueGoal('language', 'Deutschkurs B1 abschließen');
	const made = [];
	// Five people in Großstadt, two in Kleindorf (merged), one in another county (never exported).
	for (let n = 0; n < 8; n++) {
		const townId = n < 5 ? big.id : n < 7 ? small.id : elsewhere.id;
		made.push(
			await makeClosedCase({
				organisationId: n < 7 ? county.id : elsewhere.id,
				townId,
				caseworkerId: caseworker.id,
				closedOn: '2026-06-30',
				contactOn: `2026-03-1${n}`,
				catalogueGoalId: goal.id,
				data: person(n)
			})
		);
	}
	await db.insert(assessments).values({
		id: crypto.randomUUID(),
		caseId: made[0].caseId,
		kind: 'entry',
		germanLevel: 'a2',
		housing: 'own_flat',
		residenceExpiresOn: '2027-04-13',
		note: ASSESSMENT_NOTE,
		recordedBy: caseworker.id
	});
	// The first person reached the goal on 4 May 2026 (a status change as the plan pages record it).
	const [reached] = await db
		.select({ id: goals.id })
		.from(goals)
		.where(eq(goals.participantId, made[0].participant.id));
	await db.update(goals).set({ status: 'achieved' }).where(eq(goals.id, reached.id));
	await db.insert(planHistory).values({
		participantId: made[0].participant.id,
		goalId: reached.id,
		actorId: caseworker.id,
		at: germanNoon('2026-05-04'),
		change: 'goal.status',
		detail: { from: 'in_progress', to: 'achieved' }
	});
	return { county, lead, coordinator, caseworker, made };
}

type Sheets = Record<string, (string | number | null)[][]>;

async function sheetsOf(file: Buffer): Promise<Sheets> {
	const sheets = await readXlsxFile(file);
	return Object.fromEntries(sheets.map((s) => [s.sheet, s.data as (string | number | null)[][]]));
}

function objects(rows: (string | number | null)[][]) {
	const [head, ...body] = rows;
	return body.map((r) => Object.fromEntries(head.map((h, i) => [String(h), r[i]])));
}

describe('the anonymised evaluation dataset', () => {
	it('lets no name, address, phone, e-mail, free text, exact birth date or real id leave', async () => {
		const w = await world();
		const scope = evaluationScopeOf(actorOf(w.lead))!;
		const file = await exportEvaluation(actorOf(w.lead), scope, 2026);
		const sheets = await sheetsOf(file);
		expect(Object.keys(sheets)).toEqual(['Personen', 'Ziele', 'Kontakte', 'Einschätzungen', 'Hinweise']);
		const raw = Object.values(unzipSync(new Uint8Array(file)))
			.map((bytes) => strFromU8(bytes))
			.join('\n');
		const cells = JSON.stringify(sheets);
		for (let n = 0; n < 8; n++) {
			const d = person(n);
			const [y, m, day] = d.birthDate.split('-');
			const forbidden = [
				d.givenName,
				d.familyName,
				d.phone,
				d.email,
				'Am Kirchberg',
				d.contactNote,
				d.goalTitle,
				d.caseNote,
				d.birthDate,
				`${day}.${m}.${y}`,
				`${day}/${m}/${y}`,
				`${m}/${day}/${y}`,
				w.made[n].participant.id,
				w.made[n].caseId,
				ASSESSMENT_NOTE,
				'2027-04-13'
			];
			for (const text of forbidden) {
				expect(raw, text).not.toContain(text);
				expect(cells, text).not.toContain(text);
			}
		}
		const persons = objects(sheets.Personen);
		expect(persons).toHaveLength(7);
		expect(persons.every((p) => p.Geburtsjahr === 1987)).toBe(true);
		// Kleindorf has two people: merged. Großstadt has five: kept.
		expect(persons.filter((p) => p.Ort === 'Großstadt')).toHaveLength(5);
		expect(persons.filter((p) => p.Ort === 'Andere Orte')).toHaveLength(2);
		// The notes say which towns were merged; no person's row names it.
		expect(JSON.stringify(sheets.Personen)).not.toContain('Kleindorf');
		expect(JSON.stringify(sheets.Hinweise)).toContain('Kleindorf');
		const goals = objects(sheets.Ziele);
		expect(goals).toHaveLength(7);
		expect(goals.every((g) => g.Zieltext === 'Deutschkurs B1 abschließen')).toBe(true);
		expect(objects(sheets.Einschätzungen)).toEqual([
			expect.objectContaining({ Zeitpunkt: 'entry', germanLevel: 'a2', housing: 'own_flat' })
		]);
		const hints = JSON.stringify(sheets.Hinweise);
		expect(hints).toContain('Weggelassene Freitext-Ziele","7"');
		expect(hints).toContain('Namen, Anschriften, Telefonnummern');
	});

	it('moves every date of a person by the same offset, at most 30 days', async () => {
		const w = await world();
		const sheets = await sheetsOf(
			await exportEvaluation(actorOf(w.coordinator), evaluationScopeOf(actorOf(w.coordinator))!, 2026)
		);
		const contacts = objects(sheets.Kontakte);
		for (const p of objects(sheets.Personen)) {
			// Real: period from 2020-01-06, closed 2026-06-30, contact on 2026-03-1n.
			const offset = days(String(p.Beginn), '2020-01-06');
			expect(Math.abs(offset)).toBeLessThanOrEqual(30);
			expect(days(String(p.Abschluss), '2026-06-30')).toBe(offset);
			const own = contacts.filter((c) => c.Pseudonym === p.Pseudonym);
			expect(own).toHaveLength(1);
			const realDay = days(String(own[0].Datum), String(p.Beginn)) + Date.parse('2020-01-06') / 86_400_000;
			expect(new Date(realDay * 86_400_000).toISOString().slice(8, 10)).toMatch(/^1[0-6]$/);
			expect(own[0]).toMatchObject({ Form: 'home_visit', Art: 'follow_up', Minuten: 45, Themen: 'work' });
		}
		// The one goal reached: its day is moved by the same offset as the person's closure day.
		const reached = objects(sheets.Ziele).filter((g) => g['Erreicht am'] !== null && g['Erreicht am'] !== undefined);
		expect(reached).toHaveLength(1);
		const person = objects(sheets.Personen).find((p) => p.Pseudonym === reached[0].Pseudonym)!;
		expect(days(String(reached[0]['Erreicht am']), String(person.Abschluss))).toBe(days('2026-05-04', '2026-06-30'));
	});

	it('makes new pseudonyms for every export and audits who exported what', async () => {
		const w = await world();
		const scope = evaluationScopeOf(actorOf(w.lead))!;
		const first = objects((await sheetsOf(await exportEvaluation(actorOf(w.lead), scope, 2026))).Personen);
		const second = objects((await sheetsOf(await exportEvaluation(actorOf(w.lead), scope, 2026))).Personen);
		const a = new Set(first.map((p) => p.Pseudonym));
		expect(second.some((p) => a.has(p.Pseudonym))).toBe(false);
		const [entry] = await db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
		expect(entry).toMatchObject({ action: 'evaluation.exported', actorId: w.lead.id });
		expect(entry.detail).toMatchObject({ year: 2026, persons: 7, droppedFreeTextGoals: 7 });
	});

	it('is for leads and coordinators only', () => {
		const caseworker = { id: 'x', role: 'caseworker' as const, organisationId: 'o', participantId: null };
		expect(evaluationScopeOf(caseworker)).toBeNull();
		expect(evaluationScopeOf({ ...caseworker, role: 'admin' })).toBeNull();
	});
});
