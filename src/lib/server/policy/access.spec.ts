import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ConsentScope } from '$lib/domain';
import { appointmentsOf, openAppointments } from '../appointments';
import { acceptGrant, consentsOf, grantConsent, revokeConsent, withdrawConsent } from '../consent';
import { db } from '../db';
import { auditLog } from '../db/schema';
import { openDocuments } from '../documents/read';
import { openParticipant, participantSummary } from '../participants';
import { commentOnGoal, commentsOf, createGoal } from '../plans/goals';
import { liveGoals, readPlan } from '../plans/read';
import { actorOf, makeUser, makeWorld } from '../testing/factories';
import {
	appointmentAccess,
	caseAccess,
	documentAccess,
	forgetStandings,
	helpingAccess,
	ownData,
	planAccess,
	systemAccess,
	type Actor
} from '.';
import { standingIn, type StandingMemo } from './relation';

let world: Awaited<ReturnType<typeof makeWorld>>;
let self: Actor;
let nobody: Record<string, Actor>;
let volunteers: Record<string, Actor>;

async function volunteerWith(scopes: ConsentScope[]) {
	const actor = actorOf(await makeUser('volunteer', null));
	const { id, code } = await grantConsent(self, world.participant.id, {
		granteeKind: 'volunteer',
		granteeName: 'Ulrike',
		purpose: 'Hilfe',
		scopes,
		months: 3,
		givenVia: 'app',
		noticeLocale: 'de'
	});
	expect(await acceptGrant(actor, code!)).toEqual({ ok: true, participantId: world.participant.id });
	return { actor, consentId: id };
}

async function auditCount(actorId: string): Promise<number> {
	const [row] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.actorId, actorId));
	return row.n;
}

beforeAll(async () => {
	world = await makeWorld();
	self = actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
	const withdrawn = await volunteerWith(['plan.read', 'appointments.read', 'contact.read', 'documents.read.letters']);
	expect(await withdrawConsent(self, world.participant.id, withdrawn.consentId)).toMatchObject({ ok: true });
	const revoked = await volunteerWith(['plan.edit', 'appointments.edit', 'documents.read.health']);
	expect(await revokeConsent(actorOf(world.caseworker), world.participant.id, revoked.consentId, 'Ende')).toMatchObject(
		{ ok: true }
	);
	nobody = {
		otherParticipant: actorOf(
			{ id: world.neighbour.userId!, role: 'participant', organisationId: null },
			world.neighbour.id
		),
		unassignedCaseworker: actorOf(world.otherCaseworker),
		otherOrganisationCaseworker: actorOf(world.welfareCaseworker),
		otherOrganisationLead: actorOf(world.welfareLead),
		admin: actorOf(world.admin),
		volunteerWithoutConsent: actorOf(world.volunteer),
		volunteerWithdrawn: withdrawn.actor,
		volunteerRevoked: revoked.actor
	};
	volunteers = {
		contactOnly: (await volunteerWith(['contact.read'])).actor,
		plan: (await volunteerWith(['plan.read'])).actor,
		appointments: (await volunteerWith(['appointments.edit'])).actor,
		letters: (await volunteerWith(['documents.read.letters'])).actor
	};
});

describe('access objects', () => {
	it('nobody without a relation gets any access object, and every opening is a 404 with nothing audited', async () => {
		const id = world.participant.id;
		for (const [name, actor] of Object.entries(nobody)) {
			const before = await auditCount(actor.id);
			expect(
				[
					await caseAccess(actor, id),
					await helpingAccess(actor, id),
					await planAccess(actor, id),
					await appointmentAccess(actor, id),
					await documentAccess(actor, id),
					await ownData(actor)
				].map((a) => a !== null && a.participantId === id),
				name
			).toEqual([false, false, false, false, false, false]);
			for (const open of [
				() => openParticipant(actor, id),
				() => readPlan(actor, id),
				() => openAppointments(actor, id),
				() => openDocuments(actor, id)
			]) {
				await expect(open(), name).rejects.toMatchObject({ status: 404, body: { message: 'error.not_found' } });
			}
			expect(await auditCount(actor.id), name).toBe(before);
		}
	});

	it('a volunteer holds exactly the areas consented: no scope, no access object', async () => {
		const id = world.participant.id;
		const areas = async (actor: Actor) => ({
			helping: (await helpingAccess(actor, id)) !== null,
			case: (await caseAccess(actor, id)) !== null,
			plan: (await planAccess(actor, id)) !== null,
			appointments: (await appointmentAccess(actor, id)) !== null,
			documents: (await documentAccess(actor, id))?.categories ?? null
		});
		const none = { case: false, plan: false, appointments: false, documents: null };
		expect(await areas(volunteers.contactOnly)).toEqual({ ...none, helping: true });
		expect(await areas(volunteers.plan)).toEqual({ ...none, helping: true, plan: true });
		expect(await areas(volunteers.appointments)).toEqual({ ...none, helping: true, appointments: true });
		expect(await areas(volunteers.letters)).toEqual({ ...none, helping: true, documents: ['letters'] });
		expect((await helpingAccess(volunteers.contactOnly, id))?.readContact).toBe(true);
		expect((await helpingAccess(volunteers.plan, id))?.readContact).toBe(false);
	});

	it('an access object names whose data, who asks and as what; readers use exactly that participant', async () => {
		const plan = await planAccess(actorOf(world.caseworker), world.participant.id);
		expect(plan).toMatchObject({
			participantId: world.participant.id,
			actor: actorOf(world.caseworker),
			relation: 'assigned_caseworker'
		});
		const summary = await participantSummary(plan!);
		expect(summary.id).toBe(world.participant.id);
		expect(await liveGoals(plan!)).toEqual([]);
		const appointments = await appointmentAccess(volunteers.appointments, world.participant.id);
		expect(await appointmentsOf(appointments!)).toEqual([]);
	});

	it('a goal’s comments open only through the plan they belong to', async () => {
		const caseworker = actorOf(world.caseworker);
		const goal = await createGoal(
			caseworker,
			world.participant.id,
			{
				field: 'work',
				catalogueId: '',
				title: 'Praktikum',
				why: '',
				status: 'planned',
				targetDate: '',
				nextReviewDate: ''
			},
			'de'
		);
		if (!goal.ok) throw new Error('goal not created');
		await commentOnGoal(caseworker, world.participant.id, goal.id, 'Termin beim Jobcenter');
		const own = await planAccess(caseworker, world.participant.id);
		expect(await commentsOf(own!, goal.id)).toHaveLength(1);
		// The lead of the county may open the neighbour's plan, but not reach this goal through it.
		const other = await planAccess(actorOf(world.lead), world.neighbour.id);
		expect(await commentsOf(other!, goal.id)).toEqual([]);
	});

	it('the participant’s own data opens only for the participant themselves', async () => {
		const own = await ownData(self);
		expect(own).toMatchObject({ participantId: world.participant.id, relation: 'self' });
		expect((await consentsOf(own!)).length).toBeGreaterThan(0);
		const orphan: Actor = { id: crypto.randomUUID(), role: 'participant', organisationId: null, participantId: null };
		expect(await ownData(orphan)).toBeNull();
		expect(await ownData(actorOf(world.caseworker))).toBeNull();
	});

	it('system access is the installation’s, named by purpose, and not audited as anyone', async () => {
		const system = systemAccess(world.participant.id, 'reminder_clock');
		expect(system).toEqual({ participantId: world.participant.id, actor: null, relation: 'system' });
	});
});

describe('the relation is computed once per request', () => {
	it('a request’s memo answers repeated questions from the first answer until it is forgotten', async () => {
		const memo: StandingMemo = new Map();
		const lead = actorOf(world.lead);
		const first = standingIn(memo, lead, world.participant.id);
		expect(standingIn(memo, lead, world.participant.id)).toBe(first);
		expect((await first).relation).toBe('organisation_lead');
		await standingIn(memo, lead, world.neighbour.id);
		await standingIn(memo, self, world.participant.id);
		expect(memo.size).toBe(3);
		memo.clear();
		expect(standingIn(memo, lead, world.participant.id)).not.toBe(first);
	});

	it('outside a request nothing is kept: each question is asked anew', async () => {
		forgetStandings();
		const volunteer = (await volunteerWith(['plan.read'])).actor;
		expect(await planAccess(volunteer, world.participant.id)).not.toBeNull();
		const own = await ownData(self);
		const [consent] = (await consentsOf(own!)).filter((c) => c.granteeUserId === volunteer.id);
		expect(await withdrawConsent(self, world.participant.id, consent.id)).toMatchObject({ ok: true });
		expect(await planAccess(volunteer, world.participant.id)).toBeNull();
	});
});

// Type-level guarantees: these lines must not compile (svelte-check fails the build if they ever do).
export function mustNotCompile(participantId: string) {
	// @ts-expect-error a bare participant id is not an access object
	void liveGoals(participantId);
	// @ts-expect-error an access object cannot be written by hand outside policy/
	void appointmentsOf({ participantId, actor: null, relation: 'system' });
	return async () => {
		const plan = await planAccess(self, participantId);
		// @ts-expect-error access to the plan does not open the consents
		if (plan !== null) void consentsOf(plan);
	};
}
