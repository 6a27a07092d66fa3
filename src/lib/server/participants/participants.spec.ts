import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { assignments, auditLog, participants } from '../db/schema';
import { parseForm } from '../forms';
import { caseAccess } from '../policy';
import { actorOf, makeParticipant, makeWorld } from '../testing/factories';
import { assignCaseworker, lastHandoverNote } from './assignment';
import { parseCaseloadFilters, searchCaseload } from './caseload';
import { correctOwnContact, createParticipant, openParticipant, updateParticipant } from '.';
import { participantSchema } from './schema';

const validInput = (townId: string) => ({
	givenName: 'Yonas',
	familyName: 'Haile',
	birthDate: '1990-05-01',
	residenceStatus: 'refugee' as const,
	language: 'ti' as const,
	townId,
	district: 'Kernstadt',
	householdId: '',
	phone: '',
	email: '',
	address: ''
});

describe('opening a participant', () => {
	it('gives staff the record and writes who looked into the audit log', async () => {
		const world = await makeWorld();
		const record = await openParticipant(actorOf(world.caseworker), world.participant.id);
		expect(record.participant.id).toBe(world.participant.id);
		const entries = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.participantId, world.participant.id), eq(auditLog.actorId, world.caseworker.id)));
		expect(entries.map((e) => e.action)).toEqual(['participant.viewed']);
	});

	it('answers not found for every actor without a relation, and for ids that do not exist', async () => {
		const world = await makeWorld();
		for (const actor of [
			actorOf(world.otherCaseworker),
			actorOf(world.welfareLead),
			actorOf(world.admin),
			actorOf(world.volunteer),
			actorOf({ id: world.neighbour.userId!, role: 'participant', organisationId: null }, world.neighbour.id)
		]) {
			await expect(openParticipant(actor, world.participant.id)).rejects.toMatchObject({ status: 404 });
		}
		await expect(openParticipant(actorOf(world.lead), crypto.randomUUID())).rejects.toMatchObject({ status: 404 });
	});

	it('shows staff only the household members whose case they may open; the family sees everyone', async () => {
		const world = await makeWorld();
		const householdId = crypto.randomUUID();
		const a = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			householdId,
			withAccount: true
		});
		const b = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			householdId
		});
		const c = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.otherCaseworker.id,
			householdId
		});
		const staffView = await openParticipant(actorOf(world.caseworker), a.id);
		expect(staffView.householdMembers.map((m) => m.id)).toEqual([b.id]);
		const selfView = await openParticipant(
			actorOf({ id: a.userId!, role: 'participant', organisationId: null }, a.id),
			a.id
		);
		expect(selfView.householdMembers.map((m) => m.id).sort()).toEqual([b.id, c.id].sort());
	});

	it('does not audit the participant reading their own data', async () => {
		const world = await makeWorld();
		const self = actorOf(
			{ id: world.participant.userId!, role: 'participant', organisationId: null },
			world.participant.id
		);
		await openParticipant(self, world.participant.id);
		const entries = await db.select().from(auditLog).where(eq(auditLog.actorId, world.participant.userId!));
		expect(entries).toHaveLength(0);
	});
});

describe('changing participant data', () => {
	it("a caseworker's new participant is assigned to them, in a new household", async () => {
		const world = await makeWorld();
		const result = await createParticipant(actorOf(world.caseworker), validInput(world.town.id));
		expect(result.saved).toBe(true);
		if (!result.saved) return;
		const [row] = await db.select().from(participants).where(eq(participants.id, result.id));
		expect(row.householdId).not.toBeNull();
		expect(row.organisationId).toBe(world.county.id);
		const [assignment] = await db.select().from(assignments).where(eq(assignments.participantId, result.id));
		expect(assignment.caseworkerId).toBe(world.caseworker.id);
	});

	it('rejects a town that does not exist and writes nothing', async () => {
		const world = await makeWorld();
		const before = await db.select().from(participants);
		expect(await createParticipant(actorOf(world.caseworker), validInput(world.county.id))).toEqual({
			saved: false,
			reason: 'town_unknown'
		});
		expect(await db.select().from(participants)).toHaveLength(before.length);
	});

	it('an unassigned caseworker cannot edit, and nothing changes', async () => {
		const world = await makeWorld();
		await expect(
			updateParticipant(actorOf(world.otherCaseworker), world.participant.id, validInput(world.town.id))
		).rejects.toMatchObject({ status: 404 });
		const [row] = await db.select().from(participants).where(eq(participants.id, world.participant.id));
		expect(row.givenName).toBe(world.participant.givenName);
	});

	it('a participant corrects their own contact details but not anyone else’s', async () => {
		const world = await makeWorld();
		const self = actorOf(
			{ id: world.participant.userId!, role: 'participant', organisationId: null },
			world.participant.id
		);
		await correctOwnContact(self, world.participant.id, { phone: '0176 1234567', email: '', address: 'Marktstr. 1' });
		const [row] = await db.select().from(participants).where(eq(participants.id, world.participant.id));
		expect(row.phone).toBe('0176 1234567');
		await expect(
			correctOwnContact(self, world.neighbour.id, { phone: '1', email: '', address: '' })
		).rejects.toMatchObject({ status: 404 });
	});

	it('bad input is reported per field with the typed values kept', () => {
		const form = new FormData();
		for (const [k, v] of Object.entries({
			...validInput('t'),
			givenName: '  ',
			familyName: 'x'.repeat(10_000),
			birthDate: '2023-02-30',
			email: 'not-an-email'
		})) {
			form.set(k, v);
		}
		const parsed = parseForm(participantSchema, form);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.status).toBe(400);
		expect(parsed.failure.data.errors).toMatchObject({
			givenName: 'form.required',
			familyName: 'form.too_long',
			birthDate: 'form.date_invalid',
			email: 'form.email_invalid'
		});
		expect(parsed.failure.data.values.district).toBe('Kernstadt');
	});
});

describe('caseload and assignment', () => {
	it('a caseworker lists only their own cases, a lead their organisation, an admin nothing', async () => {
		const world = await makeWorld();
		const all = parseCaseloadFilters(new URLSearchParams());
		const mine = await searchCaseload(actorOf(world.caseworker), all);
		expect(mine.rows.map((r) => r.id)).toEqual([world.participant.id]);
		const lead = await searchCaseload(actorOf(world.lead), all);
		expect(lead.rows.map((r) => r.id).sort()).toEqual([world.participant.id, world.neighbour.id].sort());
		expect((await searchCaseload(actorOf(world.admin), all)).total).toBe(0);
		expect((await searchCaseload(actorOf(world.volunteer), all)).total).toBe(0);
	});

	it('searches names with wildcards taken literally and ignores malformed filters', async () => {
		const world = await makeWorld();
		await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			familyName: 'Al-Hassan'
		});
		const hits = await searchCaseload(
			actorOf(world.caseworker),
			parseCaseloadFilters(new URLSearchParams({ q: 'al-hass' }))
		);
		expect(hits.rows.map((r) => r.familyName)).toEqual(['Al-Hassan']);
		expect(
			(await searchCaseload(actorOf(world.caseworker), parseCaseloadFilters(new URLSearchParams({ q: '%' })))).total
		).toBe(0);
		expect(parseCaseloadFilters(new URLSearchParams({ cursor: '-3', status: 'nonsense' }))).toEqual(
			parseCaseloadFilters(new URLSearchParams())
		);
	});

	it('a lead reassigns a case with a handover note; history is kept and the change audited', async () => {
		const world = await makeWorld();
		const lead = actorOf(world.lead);
		const from = { seenCaseworkerId: world.caseworker.id, note: 'Wohnungssuche läuft, Jobcenter-Termin am 3.' };
		expect(
			await assignCaseworker(lead, world.participant.id, world.otherCaseworker.id, { ...from, note: ' ' })
		).toEqual({ reason: 'team.handover_note_required', field: 'note' });
		expect(await assignCaseworker(lead, world.participant.id, world.otherCaseworker.id, from)).toEqual({ ok: true });
		const rows = await db.select().from(assignments).where(eq(assignments.participantId, world.participant.id));
		expect(rows).toHaveLength(2);
		expect(rows.filter((r) => r.endedAt === null).map((r) => r.caseworkerId)).toEqual([world.otherCaseworker.id]);
		// The same form posted again saw the old caseworker: changed meanwhile, nothing written.
		expect(await assignCaseworker(lead, world.participant.id, world.caseworker.id, from)).toEqual({
			reason: 'form.changed_meanwhile'
		});
		const seen = { seenCaseworkerId: world.otherCaseworker.id, note: 'x' };
		expect(await assignCaseworker(lead, world.participant.id, world.welfareCaseworker.id, seen)).toEqual({
			reason: 'form.pick_option',
			field: 'caseworkerId'
		});
		await expect(
			assignCaseworker(actorOf(world.caseworker), world.participant.id, world.caseworker.id, seen)
		).rejects.toMatchObject({ status: 404 });
		const newCaseworker = await caseAccess(actorOf(world.otherCaseworker), world.participant.id);
		expect(await lastHandoverNote(newCaseworker!)).toMatchObject({ note: from.note, by: world.lead.displayName });
	});
});

describe('audit log', () => {
	it('is append-only: updates and deletes are refused by the database', async () => {
		const world = await makeWorld();
		await openParticipant(actorOf(world.lead), world.participant.id);
		expect(() => db.update(auditLog).set({ action: 'participant.created' }).run()).toThrow(/append-only/);
		expect(() => db.delete(auditLog).run()).toThrow(/append-only/);
	});
});
