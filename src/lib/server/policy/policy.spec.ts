import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf, makeWorld } from '../testing/factories';
import {
	canAssignCaseworker,
	canCorrectOwnContact,
	canEditParticipant,
	canIssueInvitation,
	canReadParticipant,
	documentAccess,
	relationTo,
	type Actor
} from '.';

let world: Awaited<ReturnType<typeof makeWorld>>;
let actors: Record<string, Actor>;

beforeAll(async () => {
	world = await makeWorld();
	actors = {
		self: actorOf(
			{ ...world.participant, id: world.participant.userId!, role: 'participant', organisationId: null },
			world.participant.id
		),
		otherParticipant: actorOf(
			{ id: world.neighbour.userId!, role: 'participant', organisationId: null },
			world.neighbour.id
		),
		assignedCaseworker: actorOf(world.caseworker),
		unassignedCaseworker: actorOf(world.otherCaseworker),
		otherOrganisationCaseworker: actorOf(world.welfareCaseworker),
		lead: actorOf(world.lead),
		otherOrganisationLead: actorOf(world.welfareLead),
		admin: actorOf(world.admin),
		volunteerWithoutConsent: actorOf(world.volunteer)
	};
});

// Who may do what to `world.participant`'s data. Anything false must come back as "no relation" (a 404 upstream).
const MATRIX: Record<string, { read: boolean; edit: boolean; correct: boolean; invite: boolean; assign: boolean }> = {
	self: { read: true, edit: false, correct: true, invite: false, assign: false },
	otherParticipant: { read: false, edit: false, correct: false, invite: false, assign: false },
	assignedCaseworker: { read: true, edit: true, correct: false, invite: true, assign: false },
	unassignedCaseworker: { read: false, edit: false, correct: false, invite: false, assign: false },
	otherOrganisationCaseworker: { read: false, edit: false, correct: false, invite: false, assign: false },
	lead: { read: true, edit: true, correct: false, invite: true, assign: true },
	otherOrganisationLead: { read: false, edit: false, correct: false, invite: false, assign: false },
	admin: { read: false, edit: false, correct: false, invite: false, assign: false },
	volunteerWithoutConsent: { read: false, edit: false, correct: false, invite: false, assign: false }
};

describe('policy matrix for one participant', () => {
	for (const [name, expected] of Object.entries(MATRIX)) {
		it(`${name}: read=${expected.read} edit=${expected.edit} correct=${expected.correct} invite=${expected.invite} assign=${expected.assign}`, async () => {
			const actor = actors[name];
			const id = world.participant.id;
			expect({
				read: await canReadParticipant(actor, id),
				edit: await canEditParticipant(actor, id),
				correct: await canCorrectOwnContact(actor, id),
				invite: await canIssueInvitation(actor, id),
				assign: await canAssignCaseworker(actor, id)
			}).toEqual(expected);
		});
	}

	it('an unknown participant id relates to nobody, not even a team lead', async () => {
		expect(await relationTo(actors.lead, crypto.randomUUID())).toBeNull();
		expect(await relationTo(actors.self, 'not-a-real-id')).toBeNull();
	});

	it('a participant account without a participant record sees nothing', async () => {
		const orphan: Actor = { id: crypto.randomUUID(), role: 'participant', organisationId: null, participantId: null };
		expect(await relationTo(orphan, world.participant.id)).toBeNull();
	});
});

describe('documents', () => {
	it('the participant keeps their papers; responsible staff read, upload and answer; nobody else gets anything', async () => {
		const id = world.participant.id;
		const summary = async (name: string) => {
			const access = await documentAccess(actors[name], id);
			return access === null
				? null
				: {
						categories: access.categories.length,
						upload: access.upload,
						deletes: access.deletes,
						ask: access.askExplanation,
						answer: access.answerExplanation
					};
		};
		expect(await summary('self')).toEqual({ categories: 8, upload: true, deletes: 'any', ask: true, answer: false });
		expect(await summary('assignedCaseworker')).toEqual({
			categories: 8,
			upload: true,
			deletes: 'own',
			ask: false,
			answer: true
		});
		expect(await summary('lead')).toEqual({ categories: 8, upload: true, deletes: 'own', ask: false, answer: true });
		for (const name of [
			'otherParticipant',
			'unassignedCaseworker',
			'otherOrganisationCaseworker',
			'otherOrganisationLead',
			'admin',
			'volunteerWithoutConsent'
		]) {
			expect(await summary(name), name).toBeNull();
		}
	});
});
