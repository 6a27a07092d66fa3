import type { Field } from '$lib/plan';
import { systemAccess, type Actor } from '../policy';
import { listCatalogue, type CatalogueEntry } from '../plans/catalogue';
import { createGoal, proposeGoal } from '../plans/goals';
import { liveGoals } from '../plans/read';
import { recordReview } from '../plans/reviews';
import { addStep, setStepDone } from '../plans/steps';
import { confirmAsCaseworker, confirmAsParticipant, proposeVersion } from '../plans/versions';

type Person = { id: string; caseworker: Actor | null; self: Actor | null };

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

function firstOf(catalogue: CatalogueEntry[], field: Field, skip = 0): string {
	return catalogue.filter((c) => c.field === field)[skip]?.id ?? '';
}

async function addCatalogueGoal(
	actor: Actor,
	participantId: string,
	catalogueId: string,
	opts: { status?: 'planned' | 'in_progress'; targetInDays?: number; why?: string } = {}
) {
	if (catalogueId === '') return null;
	const result = await createGoal(
		actor,
		participantId,
		{
			field: '',
			catalogueId,
			title: '',
			why: opts.why ?? '',
			status: opts.status ?? 'planned',
			targetDate: opts.targetInDays === undefined ? '' : inDays(opts.targetInDays),
			nextReviewDate: ''
		},
		'de'
	);
	return result.ok ? result.id : null;
}

/** Ticks the first `count` steps of a goal, as the participant (their own steps) or staff. */
async function tickFirst(actor: Actor, participantId: string, goalId: string | null, count: number) {
	if (goalId === null) return;
	const goal = (await liveGoals(systemAccess(participantId, 'demo_seed'))).find((g) => g.id === goalId);
	for (const step of goal?.steps.slice(0, count) ?? []) {
		await setStepDone(actor, participantId, step.id, true, step.version);
	}
}

/** Plans for the three demo participants (each in a different state) and a share of everyone else. */
export async function seedDemoPlans(
	showcase: { ar: Person; ti: Person; fa: Person },
	others: Person[],
	rand: () => number
) {
	const catalogue = await listCatalogue();
	const { ar, ti, fa } = showcase;

	// Amina: an agreed plan, changed since, with a proposal of her own waiting.
	if (ar.caseworker && ar.self) {
		const cw = ar.caseworker;
		const language = await addCatalogueGoal(cw, ar.id, firstOf(catalogue, 'language'), {
			status: 'in_progress',
			targetInDays: 120,
			why: 'أريد أن أتحدث مع جيراني ومع معلمة ابنتي.'
		});
		const kita = await addCatalogueGoal(cw, ar.id, firstOf(catalogue, 'education'), { targetInDays: 60 });
		await addCatalogueGoal(cw, ar.id, firstOf(catalogue, 'money'), { status: 'in_progress' });
		const own = await createGoal(
			cw,
			ar.id,
			{
				field: 'social',
				catalogueId: '',
				title: 'Führerschein Klasse B machen',
				why: '',
				status: 'planned',
				targetDate: inDays(300),
				nextReviewDate: ''
			},
			'de'
		);
		if (own.ok) {
			await addStep(
				cw,
				ar.id,
				own.id,
				{ text: 'Sehtest beim Optiker machen', assignee: 'participant', serviceName: '', dueDate: inDays(14) },
				'de'
			);
		}
		await tickFirst(ar.self, ar.id, language, 1);
		await recordReview(cw, ar.id, {
			nextReviewDate: inDays(45),
			note: '',
			outcomes: (await liveGoals(systemAccess(ar.id, 'demo_seed'))).map((g) => ({
				goalId: g.id,
				status: g.status,
				note: ''
			}))
		});
		const version = await proposeVersion(cw, ar.id);
		if (version.ok) {
			await confirmAsParticipant(ar.self, ar.id, version.id);
			await confirmAsCaseworker(cw, ar.id, version.id);
		}
		await tickFirst(ar.self, ar.id, kita, 1);
		await proposeGoal(
			ar.self,
			ar.id,
			{
				field: 'work',
				catalogueId: '',
				title: 'أريد أن أعمل كمساعدة في روضة أطفال',
				why: 'كنت معلمة في سوريا.',
				targetDate: ''
			},
			'ar'
		);
	}

	// Selam: a version waiting for her agreement.
	if (ti.caseworker && ti.self) {
		const cw = ti.caseworker;
		await addCatalogueGoal(cw, ti.id, firstOf(catalogue, 'training'), { status: 'in_progress', targetInDays: 200 });
		await addCatalogueGoal(cw, ti.id, firstOf(catalogue, 'housing'), { targetInDays: 180 });
		await addCatalogueGoal(cw, ti.id, firstOf(catalogue, 'language', 1));
		await recordReview(cw, ti.id, {
			nextReviewDate: inDays(30),
			note: '',
			outcomes: (await liveGoals(systemAccess(ti.id, 'demo_seed'))).map((g) => ({
				goalId: g.id,
				status: g.status,
				note: ''
			}))
		});
		const version = await proposeVersion(cw, ti.id);
		if (version.ok) await confirmAsCaseworker(cw, ti.id, version.id);
	}

	// Zahra: a young plan, review overdue.
	if (fa.caseworker && fa.self) {
		const cw = fa.caseworker;
		await addCatalogueGoal(cw, fa.id, firstOf(catalogue, 'health'), { status: 'in_progress', targetInDays: 20 });
		await addCatalogueGoal(cw, fa.id, firstOf(catalogue, 'residence'), { targetInDays: 90 });
		await recordReview(cw, fa.id, {
			nextReviewDate: inDays(-10),
			note: '',
			outcomes: (await liveGoals(systemAccess(fa.id, 'demo_seed'))).map((g) => ({
				goalId: g.id,
				status: g.status,
				note: ''
			}))
		});
	}

	// Others: about half have a plan of one to three catalogue goals; some reviews are overdue.
	const goalEntries = catalogue;
	for (const person of others) {
		if (person.caseworker === null || rand() < 0.5) continue;
		const count = 1 + Math.floor(rand() * 3);
		for (let i = 0; i < count; i++) {
			const entry = goalEntries[Math.floor(rand() * goalEntries.length)];
			await addCatalogueGoal(person.caseworker, person.id, entry.id, {
				status: rand() < 0.5 ? 'in_progress' : 'planned',
				targetInDays: 30 + Math.floor(rand() * 300)
			});
		}
		const goals = await liveGoals(systemAccess(person.id, 'demo_seed'));
		await recordReview(person.caseworker, person.id, {
			nextReviewDate: inDays(Math.floor(rand() * 120) - 30),
			note: '',
			outcomes: goals.map((g) => ({ goalId: g.id, status: g.status, note: '' }))
		});
	}
}
