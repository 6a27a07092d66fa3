import type { Role } from '$lib/domain';
import { describe, expect, it } from 'vitest';
import { createSession, generateSessionToken, invalidateUserSessions } from '../auth/session';
import { acceptGrant, grantConsent, withdrawConsent } from '../consent';
import { createGoal } from '../plans/goals';
import { actorOf, makeUser, makeWorld } from '../testing/factories';
import { setUserActive } from '../users';
import { planStream } from './stream';

type Frame = { event: string; id?: number; data: unknown };

/** Reads a stream's frames as they come, so a test can wait for the next one of a kind. */
function reader(stream: ReadableStream<Uint8Array>) {
	const frames: Frame[] = [];
	let ended = false;
	const decoder = new TextDecoder();
	let buffer = '';
	void (async () => {
		for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
			buffer += decoder.decode(chunk, { stream: true });
			let cut;
			while ((cut = buffer.indexOf('\n\n')) !== -1) {
				const raw = buffer.slice(0, cut);
				buffer = buffer.slice(cut + 2);
				const event = /^event: (.+)$/m.exec(raw)?.[1];
				if (event === undefined) continue;
				const id = /^id: (\d+)$/m.exec(raw)?.[1];
				frames.push({
					event,
					id: id === undefined ? undefined : Number(id),
					data: JSON.parse(/^data: (.*)$/m.exec(raw)![1])
				});
			}
		}
		ended = true;
	})();
	const waitFor = async (predicate: () => boolean) => {
		for (let i = 0; i < 200 && !predicate(); i++) await new Promise((r) => setTimeout(r, 5));
		expect(predicate()).toBe(true);
	};
	return { frames, ended: () => ended, waitFor, of: (event: string) => frames.filter((f) => f.event === event) };
}

const goal = (title: string) => ({
	field: 'work' as const,
	catalogueId: '',
	title,
	why: '',
	targetDate: '',
	status: 'planned' as const,
	nextReviewDate: ''
});

async function openAs(
	user: {
		id: string;
		role: Role;
		organisationId: string | null;
	},
	participantId: string,
	selfId: string | null = null,
	lastEventId = 0
) {
	const token = generateSessionToken();
	await createSession(token, user.id, user.role);
	const actor = { ...actorOf(user, selfId), displayName: 'Reader' };
	return { token, stream: reader(planStream(actor, participantId, token, lastEventId)) };
}

describe('live plan stream', () => {
	it('delivers every change with its id, and after a dropped connection catches up from the last id', async () => {
		const world = await makeWorld();
		const participant = { id: world.participant.userId!, role: 'participant' as const, organisationId: null };
		const { stream } = await openAs(participant, world.participant.id, world.participant.id);
		await stream.waitFor(() => stream.of('ready').length === 1);
		await createGoal(actorOf(world.caseworker), world.participant.id, goal('A'), 'de');
		await stream.waitFor(() => stream.of('change').length === 1);
		const seen = stream.of('change')[0];
		expect(seen.data).toMatchObject({ change: 'goal.created', byMe: false });

		// Offline for a while: two more changes happen.
		await createGoal(actorOf(world.caseworker), world.participant.id, goal('B'), 'de');
		await createGoal(actorOf(world.caseworker), world.participant.id, goal('C'), 'de');
		const again = await openAs(participant, world.participant.id, world.participant.id, seen.id!);
		await again.stream.waitFor(() => again.stream.of('change').length === 2);
		expect(again.stream.of('change').map((f) => f.id)).toEqual([seen.id! + 1, seen.id! + 2]);
	});

	it('closes when the session ends, when the account is deactivated, or when consent is withdrawn', async () => {
		const world = await makeWorld();
		const { stream: staff } = await openAs(world.caseworker, world.participant.id);
		await staff.waitFor(() => staff.of('ready').length === 1);
		await invalidateUserSessions(world.caseworker.id);
		await staff.waitFor(() => staff.of('closed').length === 1 && staff.ended());

		const other = await openAs(world.lead, world.participant.id);
		await other.stream.waitFor(() => other.stream.of('ready').length === 1);
		await setUserActive(actorOf(world.admin), world.lead.id, false);
		await other.stream.waitFor(() => other.stream.of('closed').length === 1);

		const volunteer = await makeUser('volunteer', null);
		const self = actorOf(
			{ id: world.participant.userId!, role: 'participant', organisationId: null },
			world.participant.id
		);
		const { id, code } = await grantConsent(self, world.participant.id, {
			granteeKind: 'volunteer',
			granteeName: 'V',
			purpose: 'p',
			scopes: ['plan.read'],
			months: 1,
			givenVia: 'app',
			noticeLocale: 'de'
		});
		await acceptGrant(actorOf(volunteer), code!);
		const helper = await openAs(volunteer, world.participant.id);
		await helper.stream.waitFor(() => helper.stream.of('ready').length === 1);
		await withdrawConsent(self, world.participant.id, id);
		await helper.stream.waitFor(() => helper.stream.of('closed').length === 1);
		// After closing, no further change reaches it.
		await createGoal(actorOf(world.caseworker), world.participant.id, goal('D'), 'de');
		await new Promise((r) => setTimeout(r, 50));
		expect(helper.stream.of('change')).toHaveLength(0);
	});

	it('tells who else has the plan open, once per person', async () => {
		const world = await makeWorld();
		const participant = { id: world.participant.userId!, role: 'participant' as const, organisationId: null };
		const mine = await openAs(participant, world.participant.id, world.participant.id);
		await mine.stream.waitFor(() => mine.stream.of('ready').length === 1);
		await openAs(world.caseworker, world.participant.id);
		await openAs(world.caseworker, world.participant.id);
		await mine.stream.waitFor(() => mine.stream.of('presence').some((f) => (f.data as unknown[]).length === 1));
		expect((mine.stream.of('presence').at(-1)!.data as { role: string }[]).map((p) => p.role)).toEqual(['caseworker']);
	});
});
