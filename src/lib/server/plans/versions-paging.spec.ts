import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf, makeWorld } from '../testing/factories';
import { createGoal } from './goals';
import { openPlan, versionsOf } from './read';
import { confirmAsCaseworker, confirmAsParticipant, proposeVersion } from './versions';

let world: Awaited<ReturnType<typeof makeWorld>>;

beforeAll(async () => {
	world = await makeWorld();
	const caseworker = actorOf(world.caseworker);
	const self = actorOf(
		{ id: world.participant.userId!, role: 'participant', organisationId: null },
		world.participant.id
	);
	const pid = world.participant.id;
	const goal = { field: 'work' as const, catalogueId: '', title: 'Deutsch B1', why: '', targetDate: '' };
	await createGoal(caseworker, pid, { ...goal, status: 'planned', nextReviewDate: '' }, 'de');
	// 121 agreed versions: years of reviews, each confirmed by both.
	for (let n = 0; n < 121; n++) {
		const version = await proposeVersion(caseworker, pid);
		if (!version.ok) throw new Error(version.reason);
		await confirmAsParticipant(self, pid, version.id);
		await confirmAsCaseworker(caseworker, pid, version.id);
	}
	// Another person's history never shows.
	await createGoal(
		actorOf(world.otherCaseworker),
		world.neighbour.id,
		{ ...goal, status: 'planned', nextReviewDate: '' },
		'de'
	);
	await proposeVersion(actorOf(world.otherCaseworker), world.neighbour.id);
});

describe("a plan's version history pages by key", () => {
	it('walks 121 versions newest first, 50 at a time, forward and back', async () => {
		const access = await openPlan(actorOf(world.caseworker), world.participant.id);
		const pages = [await versionsOf(access)];
		while (pages.at(-1)!.next !== null) pages.push(await versionsOf(access, pages.at(-1)!.next));
		expect(pages.map((p) => [p.rows.length, p.from, p.to, p.total])).toEqual([
			[50, 1, 50, 121],
			[50, 51, 100, 121],
			[21, 101, 121, 121]
		]);
		const numbers = pages.flatMap((p) => p.rows.map((v) => v.number));
		expect(numbers).toEqual(Array.from({ length: 121 }, (_, i) => 121 - i));
		expect(pages.flatMap((p) => p.rows).every((v) => v.participantId === world.participant.id)).toBe(true);
		const back = [pages.at(-1)!];
		while (back[0].previous !== null) back.unshift(await versionsOf(access, back[0].previous));
		expect(back.map((p) => p.rows.map((v) => v.id))).toEqual(pages.map((p) => p.rows.map((v) => v.id)));
	});
});
