import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { dayInGermany } from '$lib/i18n/format';
import { db } from '../db';
import { auditLog, cases, covers } from '../db/schema';
import { caseWorkAccess, type CaseWorkAccess } from '../policy';
import { actorOf, makeWorld } from '../testing/factories';
import { notesPage, writeNote, type NoteInput } from '.';

let world: Awaited<ReturnType<typeof makeWorld>>;
const pid = () => world.participant.id;
const note = (overrides: Partial<NoteInput> = {}): NoteInput => ({
	subject: 'case',
	goalId: null,
	contactId: null,
	body: 'Termin beim Jobcenter am Dienstag, Unterlagen mitbringen.',
	language: 'de',
	sharedWithParticipant: false,
	sensitive: false,
	...overrides
});
const accessOf = async (user: Parameters<typeof actorOf>[0]) => caseWorkAccess(actorOf(user), pid());
const self = () =>
	caseWorkAccess(actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, pid()), pid());
const bodies = async (access: CaseWorkAccess) => (await notesPage(access, null)).rows.map((n) => n.body);
const audits = async (action: string) =>
	db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, action), eq(auditLog.participantId, pid())));

beforeEach(async () => {
	world = await makeWorld();
	const caseworker = (await accessOf(world.caseworker))!;
	expect(writeNote(caseworker, note({ body: 'staff only' })).ok).toBe(true);
	expect(writeNote(caseworker, note({ body: 'shared', sharedWithParticipant: true })).ok).toBe(true);
	expect(writeNote(caseworker, note({ body: 'sensitive', sensitive: true })).ok).toBe(true);
});

describe('who reads which case note', () => {
	it('the assigned caseworker and the lead read all three, the sensitive read is audited each time', async () => {
		expect((await bodies((await accessOf(world.caseworker))!)).sort()).toEqual(['sensitive', 'shared', 'staff only']);
		expect((await bodies((await accessOf(world.lead))!)).sort()).toEqual(['sensitive', 'shared', 'staff only']);
		const reads = await audits('note.sensitive_read');
		expect(reads).toHaveLength(2);
		expect(reads.map((r) => r.actorId).sort()).toEqual([world.caseworker.id, world.lead.id].sort());
		expect(await audits('notes.viewed')).toHaveLength(2);
	});

	it('the person sees only what was shared with her, and her own look is not logged as someone else’s', async () => {
		expect(await bodies((await self())!)).toEqual(['shared']);
		expect(await audits('notes.viewed')).toHaveLength(0);
	});

	it('a covering colleague sees staff notes but not the sensitive one, and no sensitive read is logged', async () => {
		const today = dayInGermany();
		await db.insert(covers).values({
			id: crypto.randomUUID(),
			absentId: world.caseworker.id,
			coverId: world.otherCaseworker.id,
			participantId: null,
			startsOn: today,
			endsOn: today,
			createdBy: world.lead.id
		});
		const cover = (await accessOf(world.otherCaseworker))!;
		expect(cover.relation).toBe('covering_caseworker');
		expect((await bodies(cover)).sort()).toEqual(['shared', 'staff only']);
		expect(await audits('note.sensitive_read')).toHaveLength(0);
	});

	it('volunteer, unassigned caseworker, another organisation and the admin are refused by the policy (404)', async () => {
		for (const user of [
			world.volunteer,
			world.otherCaseworker,
			world.welfareCaseworker,
			world.welfareLead,
			world.admin
		]) {
			expect(await accessOf(user), user.username).toBeNull();
		}
		const neighbour = actorOf(
			{ id: world.neighbour.userId!, role: 'participant', organisationId: null },
			world.neighbour.id
		);
		expect(await caseWorkAccess(neighbour, pid())).toBeNull();
	});
});

describe('writing notes', () => {
	it('the person cannot write, a goal or contact of someone else is refused, a closed case takes none', async () => {
		expect(writeNote((await self())!, note())).toEqual({ ok: false, reason: 'notes.not_allowed' });
		const caseworker = (await accessOf(world.caseworker))!;
		expect(writeNote(caseworker, note({ subject: 'goal', goalId: crypto.randomUUID() }))).toEqual({
			ok: false,
			reason: 'notes.subject_unknown'
		});
		expect(writeNote(caseworker, note({ subject: 'contact', contactId: crypto.randomUUID() }))).toEqual({
			ok: false,
			reason: 'notes.subject_unknown'
		});
		await db.update(cases).set({ status: 'closed' }).where(eq(cases.participantId, pid()));
		expect(writeNote(caseworker, note())).toEqual({ ok: false, reason: 'notes.case_closed' });
		expect(await audits('note.written')).toHaveLength(3);
	});

	it('pages newest first, 50 at a time', async () => {
		const caseworker = (await accessOf(world.caseworker))!;
		for (let i = 0; i < 50; i++) writeNote(caseworker, note({ body: `n${i}` }));
		const first = await notesPage(caseworker, null);
		expect(first.rows).toHaveLength(50);
		expect(first.total).toBe(53);
		const second = await notesPage(caseworker, first.next);
		expect(second.rows).toHaveLength(3);
		expect(new Set([...first.rows, ...second.rows].map((n) => n.id)).size).toBe(53);
	});
});
