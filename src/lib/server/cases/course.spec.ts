import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { appointments, auditLog, caseEvents, caseRequests, cases } from '../db/schema';
import { caseWorkAccess, type CaseWorkAccess } from '../policy';
import { actorOf, makeParticipant, makeWorld } from '../testing/factories';
import { changeCourse, closeCase, setEligibility } from './course';
import { decideRequest, requestExtension } from './requests';
import { acceptsCaseWork } from './rows';
import { transferCase } from './transfer';
import type { TransferInput } from './schema';

let world: Awaited<ReturnType<typeof makeWorld>>;
beforeEach(async () => {
	world = await makeWorld();
});

const pid = () => world.participant.id;
async function as(user: { id: string; role: 'caseworker' | 'lead'; organisationId: string | null }) {
	const access = await caseWorkAccess(actorOf(user), pid());
	if (access === null) throw new Error('no access');
	return access;
}
const herself = () => actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, pid());
const caseworker = () => as({ ...world.caseworker, role: 'caseworker' });
const lead = () => as({ ...world.lead, role: 'lead' });
async function theCase() {
	const [row] = await db.select().from(cases).where(eq(cases.participantId, pid()));
	return row;
}
const seen = async () => {
	const row = await theCase();
	return { status: row.status, version: row.version };
};
async function eventKinds() {
	const row = await theCase();
	const rows = await db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.id));
	return rows.map((r) => r.kind);
}
async function requestsOf(kind?: 'extension' | 'closure') {
	const row = await theCase();
	const all = await db.select().from(caseRequests).where(eq(caseRequests.caseId, row.id));
	return all.filter((r) => kind === undefined || r.kind === kind);
}
const audits = async (action: string) =>
	(
		await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, action), eq(auditLog.participantId, pid())))
	).length;

describe('who may touch a case: everyone else gets 404', () => {
	it('the assigned caseworker records, the lead approves, the person reads her own', async () => {
		const own = await caseWorkAccess(herself(), pid());
		expect(own).toMatchObject({ relation: 'self', recordWork: false, approve: false });
		expect(await caseworker()).toMatchObject({ relation: 'assigned_caseworker', recordWork: true, approve: false });
		expect(await lead()).toMatchObject({ relation: 'organisation_lead', recordWork: true, approve: true });
	});

	it('another participant, an unassigned caseworker, another organisation, a volunteer, the admin: nothing', async () => {
		const neighbour = actorOf(
			{ id: world.neighbour.userId!, role: 'participant', organisationId: null },
			world.neighbour.id
		);
		for (const actor of [
			neighbour,
			actorOf(world.otherCaseworker),
			actorOf(world.welfareCaseworker),
			actorOf(world.welfareLead),
			actorOf(world.volunteer),
			actorOf(world.admin)
		]) {
			expect(await caseWorkAccess(actor, pid())).toBeNull();
		}
	});

	it('the person herself cannot change her case: a 404, nothing written', async () => {
		const own = (await caseWorkAccess(herself(), pid())) as CaseWorkAccess;
		await expect(changeCourse(own, 'pause', '', await seen())).rejects.toMatchObject({ status: 404 });
		await expect(closeCase(own, { closureReason: 'goals_reached', note: '' }, await seen())).rejects.toMatchObject({
			status: 404
		});
		await expect(
			decideRequest(await caseworker(), { requestId: 'x', outcome: 'approved', note: '' })
		).rejects.toMatchObject({ status: 404 });
		expect(await eventKinds()).toEqual(['opened']);
	});
});

describe('the course of a case', () => {
	it('pause and resume, each with an event and an audit entry', async () => {
		expect(await changeCourse(await caseworker(), 'pause', 'Krankenhaus', await seen())).toEqual({ ok: true });
		expect((await theCase()).status).toBe('paused');
		expect(await changeCourse(await caseworker(), 'resume', 'zurück', await seen())).toEqual({ ok: true });
		expect(await theCase()).toMatchObject({ status: 'active', version: 3 });
		expect(await eventKinds()).toEqual(['opened', 'paused', 'resumed']);
		expect(await audits('case.status_changed')).toBe(2);
	});

	it('a step the status does not allow is refused and writes nothing', async () => {
		expect(await changeCourse(await caseworker(), 'resume', 'x', await seen())).toEqual({
			ok: false,
			reason: 'case.step_not_now'
		});
		expect(await changeCourse(await caseworker(), 'reopen', 'x', await seen())).toEqual({
			ok: false,
			reason: 'case.step_not_now'
		});
		expect(await eventKinds()).toEqual(['opened']);
	});

	it('closes at once with a reason, takes no more case work, and reopens with a reason', async () => {
		const closed = await closeCase(await caseworker(), { closureReason: 'goals_reached', note: '' }, await seen());
		expect(closed).toEqual({ ok: true, requested: false });
		const row = await theCase();
		expect(row).toMatchObject({ status: 'closed', closureReason: 'goals_reached' });
		expect(acceptsCaseWork(row)).toBe(false);
		expect(await changeCourse(await caseworker(), 'reopen', 'wieder da', await seen())).toEqual({ ok: true });
		expect(await theCase()).toMatchObject({ status: 'active', closureReason: null, closedAt: null });
		expect(await eventKinds()).toEqual(['opened', 'closed', 'reopened']);
	});

	it('"other" needs words; a reason that does not fit the status is refused', async () => {
		expect(await closeCase(await caseworker(), { closureReason: 'other', note: '' }, await seen())).toEqual({
			ok: false,
			reason: 'case.other_needs_text',
			field: 'note'
		});
		expect(
			await closeCase(await caseworker(), { closureReason: 'transferred_mbe', note: '' }, await seen())
		).toMatchObject({
			ok: false,
			reason: 'case.reason_needs_transfer'
		});
		const referred = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id,
			caseStatus: 'referred'
		});
		const access = (await caseWorkAccess(actorOf(world.caseworker), referred.id))!;
		expect(
			await closeCase(access, { closureReason: 'goals_reached', note: '' }, { status: 'referred', version: 1 })
		).toMatchObject({
			ok: false,
			reason: 'case.reason_before_first_contact'
		});
		expect(
			await closeCase(
				access,
				{ closureReason: 'moved_away', note: 'nach Stuttgart' },
				{ status: 'referred', version: 1 }
			)
		).toEqual({
			ok: true,
			requested: false
		});
		expect((await theCase()).status).toBe('active');
	});

	it('"no contact" from a caseworker waits for the lead, who approves it', async () => {
		expect(
			await closeCase(await caseworker(), { closureReason: 'no_contact', note: 'drei Briefe' }, await seen())
		).toEqual({ ok: true, requested: true });
		expect((await theCase()).status).toBe('active');
		expect(await closeCase(await caseworker(), { closureReason: 'no_contact', note: 'again' }, await seen())).toEqual({
			ok: false,
			reason: 'case.request_open'
		});
		const [request] = await requestsOf('closure');
		expect(await decideRequest(await lead(), { requestId: request.id, outcome: 'approved', note: '' })).toEqual({
			ok: true
		});
		expect(await theCase()).toMatchObject({ status: 'closed', closureReason: 'no_contact' });
		expect(await decideRequest(await lead(), { requestId: request.id, outcome: 'approved', note: '' })).toEqual({
			ok: false,
			reason: 'form.changed_meanwhile'
		});
		expect(await eventKinds()).toEqual(['opened', 'closure_requested', 'closed']);
	});

	it('the lead closes for "maximum period" without asking anyone', async () => {
		expect(await closeCase(await lead(), { closureReason: 'maximum_period', note: '' }, await seen())).toEqual({
			ok: true,
			requested: false
		});
		expect((await theCase()).status).toBe('closed');
	});

	it('an extension: asked with a reason, refused only with a note, approved to 48 months', async () => {
		expect(await requestExtension(await caseworker(), { months: 36, reason: 'x' }, await seen())).toMatchObject({
			ok: false,
			field: 'months'
		});
		expect(
			await requestExtension(await caseworker(), { months: 48, reason: 'Ausbildung beginnt' }, await seen())
		).toEqual({ ok: true });
		const [request] = await requestsOf('extension');
		expect(await decideRequest(await lead(), { requestId: request.id, outcome: 'refused', note: '' })).toMatchObject({
			ok: false,
			field: 'note'
		});
		expect(await decideRequest(await lead(), { requestId: request.id, outcome: 'approved', note: 'ok' })).toEqual({
			ok: true
		});
		expect((await theCase()).periodMonths).toBe(48);
		expect(await requestExtension(await caseworker(), { months: 48, reason: 'more' }, await seen())).toMatchObject({
			ok: false,
			field: 'months'
		});
		expect(await audits('case.request_decided')).toBe(1);
	});

	it('a refused extension leaves the period as it was', async () => {
		await requestExtension(await caseworker(), { months: 42, reason: 'Sprachkurs' }, await seen());
		const [request] = await requestsOf();
		expect(
			await decideRequest(await lead(), { requestId: request.id, outcome: 'refused', note: 'Übergabe an MBE' })
		).toEqual({ ok: true });
		expect((await theCase()).periodMonths).toBe(36);
		expect(await eventKinds()).toEqual(['opened', 'extension_requested', 'extension_refused']);
	});

	it('a transfer records the service and a warm-handover appointment; then the case closes as transferred', async () => {
		const input: TransferInput = {
			seenStatus: 'active',
			seenVersion: 1,
			target: 'mbe',
			serviceId: '',
			serviceName: 'MBE Caritas Ludwigsburg',
			appointmentId: '',
			date: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
			start: '10:00',
			end: '11:00',
			note: ''
		};
		expect(await transferCase(await caseworker(), { ...input, serviceName: '' }, await seen())).toMatchObject({
			ok: false,
			field: 'serviceName'
		});
		expect(await transferCase(await caseworker(), { ...input, date: '' }, await seen())).toMatchObject({
			ok: false,
			field: 'date'
		});
		expect(await transferCase(await caseworker(), input, await seen())).toEqual({ ok: true });
		const row = await theCase();
		expect(row).toMatchObject({ status: 'transferred', transferTarget: 'mbe' });
		const [appointment] = await db.select().from(appointments).where(eq(appointments.id, row.transferAppointmentId!));
		expect(appointment).toMatchObject({ kind: 'other', title: 'MBE Caritas Ludwigsburg', participantId: pid() });
		expect(await closeCase(await caseworker(), { closureReason: 'transferred_mbe', note: '' }, await seen())).toEqual({
			ok: true,
			requested: false
		});
	});
});

describe('the eligibility basis', () => {
	it('is set conditionally with an event; a closed case takes no change', async () => {
		expect(await setEligibility(await caseworker(), 'private_housing', await seen())).toEqual({ ok: true });
		expect((await theCase()).eligibility).toBe('private_housing');
		await closeCase(await caseworker(), { closureReason: 'goals_reached', note: '' }, await seen());
		expect(await setEligibility(await caseworker(), 'other', await seen())).toEqual({
			ok: false,
			reason: 'case.closed_no_work'
		});
		expect(await eventKinds()).toEqual(['opened', 'eligibility_changed', 'closed']);
	});
});

describe('two changes at once: exactly one wins', () => {
	it('two closures sent together close once', async () => {
		const shown = await seen();
		const results = await Promise.all([
			closeCase(await caseworker(), { closureReason: 'goals_reached', note: '' }, shown),
			closeCase(await lead(), { closureReason: 'moved_away', note: '' }, shown)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'form.changed_meanwhile' }]);
		expect(await eventKinds()).toEqual(['opened', 'closed']);
	});

	it('two approvals of one request decide it once', async () => {
		await requestExtension(await caseworker(), { months: 48, reason: 'Ausbildung' }, await seen());
		const [request] = await requestsOf();
		const decision = { requestId: request.id, outcome: 'approved' as const, note: '' };
		const results = await Promise.all([decideRequest(await lead(), decision), decideRequest(await lead(), decision)]);
		expect(results).toContainEqual({ ok: true });
		expect(results).toContainEqual({ ok: false, reason: 'form.changed_meanwhile' });
		expect(await eventKinds()).toEqual(['opened', 'extension_requested', 'extension_approved']);
	});

	it('a form shown before a change is refused: nothing written', async () => {
		const shown = await seen();
		await changeCourse(await caseworker(), 'pause', '', shown);
		expect(await closeCase(await caseworker(), { closureReason: 'goals_reached', note: '' }, shown)).toEqual({
			ok: false,
			reason: 'form.changed_meanwhile'
		});
		expect((await theCase()).status).toBe('paused');
	});
});
