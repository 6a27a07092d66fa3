import { beforeAll, describe, expect, it } from 'vitest';
import { actorOf, makeWorld } from '../testing/factories';
import { asFile, pdf } from '../testing/files';
import { askExplanation, openQuestionsFor } from './questions';
import { uploadDocument } from './write';

let world: Awaited<ReturnType<typeof makeWorld>>;
const asked: string[] = [];

/** A letter uploaded by the person themselves, with "please explain" asked about it. */
async function letterWithQuestion(person: { id: string; userId: string | null }, n: number) {
	const self = actorOf({ id: person.userId!, role: 'participant', organisationId: null }, person.id);
	const letter = { category: 'letters' as const, title: `Brief ${n}`, expiresOn: '' };
	const uploaded = await uploadDocument(self, person.id, letter, [asFile(pdf(), 'brief.pdf')]);
	if (!uploaded.ok) throw new Error(uploaded.reason);
	expect(await askExplanation(self, person.id, uploaded.id, `Frage ${n}`, 'de')).toEqual({ ok: true });
}

beforeAll(async () => {
	world = await makeWorld();
	for (let n = 0; n < 121; n++) {
		await letterWithQuestion(world.participant, n);
		asked.push(`Frage ${n}`);
	}
	// Another caseworker's person: never in this queue.
	for (let n = 0; n < 3; n++) await letterWithQuestion(world.neighbour, 1000 + n);
});

describe("the staff's letters queue pages by key", () => {
	it('walks 121 open questions oldest first, 50 at a time, forward and back, nobody else’s', async () => {
		const caseworker = actorOf(world.caseworker);
		const pages = [await openQuestionsFor(caseworker)];
		while (pages.at(-1)!.next !== null) pages.push(await openQuestionsFor(caseworker, pages.at(-1)!.next));
		expect(pages.map((p) => [p.rows.length, p.from, p.to, p.total])).toEqual([
			[50, 1, 50, 121],
			[50, 51, 100, 121],
			[21, 101, 121, 121]
		]);
		const rows = pages.flatMap((p) => p.rows);
		expect(rows.map((q) => q.question).sort()).toEqual([...asked].sort());
		// Oldest first; questions asked in the same millisecond follow their id.
		const times = rows.map((q) => q.askedAt.getTime());
		expect(times).toEqual([...times].sort((a, b) => a - b));
		const back = [pages.at(-1)!];
		while (back[0].previous !== null) back.unshift(await openQuestionsFor(caseworker, back[0].previous));
		expect(back.map((p) => p.rows.map((q) => q.id))).toEqual(pages.map((p) => p.rows.map((q) => q.id)));
		expect((await openQuestionsFor(actorOf(world.otherCaseworker))).total).toBe(3);
	});
});
