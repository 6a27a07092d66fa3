import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { auditLog, planHistory, planVersions, steps } from '../db/schema';
import { parseForm } from '../forms';
import { actorOf, makeWorld } from '../testing/factories';
import {
	acceptProposal,
	commentOnGoal,
	createGoal,
	declineProposal,
	deleteGoal,
	moveGoal,
	proposeGoal,
	updateGoal
} from './goals';
import { readPlan } from './read';
import { recordReview } from './reviews';
import { newGoalSchema } from './schema';
import { addStep, moveStep, setStepDone, updateStep } from './steps';
import { confirmAsCaseworker, confirmAsParticipant, proposeVersion, recordPaperConfirmation } from './versions';

let world: Awaited<ReturnType<typeof makeWorld>>;
const caseworker = () => actorOf(world.caseworker);
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const pid = () => world.participant.id;
const goalInput = (title: string) => ({
	field: 'work' as const,
	catalogueId: '',
	title,
	why: '',
	targetDate: '',
	status: 'planned' as const,
	nextReviewDate: ''
});

beforeEach(async () => {
	world = await makeWorld();
});

describe('goals and steps', () => {
	it('a caseworker writes a free-text goal, marked with the language it was written in', async () => {
		const result = await createGoal(caseworker(), pid(), goalInput('Führerschein machen'), 'de');
		expect(result.ok).toBe(true);
		const plan = await readPlan(self(), pid());
		expect(plan.goals).toHaveLength(1);
		expect(plan.goals[0].title).toEqual({ kind: 'free', text: 'Führerschein machen', locale: 'de' });
	});

	it('the participant ticks their own step but not the caseworker’s', async () => {
		const goal = await createGoal(caseworker(), pid(), goalInput('Job finden'), 'de');
		if (!goal.ok) throw new Error();
		const mine = await addStep(
			caseworker(),
			pid(),
			goal.id,
			{ text: 'Lebenslauf schreiben', assignee: 'participant', serviceName: '', dueDate: '' },
			'de'
		);
		const theirs = await addStep(
			caseworker(),
			pid(),
			goal.id,
			{ text: 'Termin vereinbaren', assignee: 'caseworker', serviceName: '', dueDate: '' },
			'de'
		);
		if (!mine.ok || !theirs.ok) throw new Error();
		expect(await setStepDone(self(), pid(), mine.id, true, 1)).toEqual({ ok: true, id: mine.id });
		await expect(setStepDone(self(), pid(), theirs.id, true, 1)).rejects.toMatchObject({ status: 404 });
		const [row] = await db.select().from(steps).where(eq(steps.id, mine.id));
		expect(row.done).toBe(true);
	});

	it('a stale form changes nothing', async () => {
		const goal = await createGoal(caseworker(), pid(), goalInput('Wohnung finden'), 'de');
		if (!goal.ok) throw new Error();
		const base = {
			title: 'Wohnung finden',
			why: '',
			field: 'work',
			status: 'planned',
			targetDate: '',
			nextReviewDate: ''
		};
		const first = await updateGoal(
			caseworker(),
			pid(),
			goal.id,
			{ version: 1, base, mine: { ...base, title: 'Eigene Wohnung finden', status: 'in_progress' } },
			'de'
		);
		expect(first).toEqual({ ok: true, id: goal.id, merged: false });
		const [statusChange] = await db
			.select({ detail: planHistory.detail })
			.from(planHistory)
			.where(and(eq(planHistory.goalId, goal.id), eq(planHistory.change, 'goal.status')));
		expect(statusChange.detail).toMatchObject({ from: 'planned', to: 'in_progress' });
		// A second form, loaded before the first save, changes the same title: offered as a conflict, nothing written.
		const late = await updateGoal(
			caseworker(),
			pid(),
			goal.id,
			{ version: 1, base, mine: { ...base, title: 'Andere Wohnung', targetDate: '2027-01-31' } },
			'de'
		);
		expect(late).toMatchObject({
			ok: false,
			reason: 'conflict',
			conflicts: [{ field: 'title', mine: 'Andere Wohnung', theirs: 'Eigene Wohnung finden' }],
			version: 2
		});
		let plan = await readPlan(caseworker(), pid());
		expect(plan.goals[0].title).toMatchObject({ text: 'Eigene Wohnung finden' });
		expect(plan.goals[0].targetDate).toBeNull();
		// A late form that touched other fields merges by itself.
		const merged = await updateGoal(
			caseworker(),
			pid(),
			goal.id,
			{ version: 1, base, mine: { ...base, targetDate: '2027-01-31' } },
			'de'
		);
		expect(merged).toEqual({ ok: true, id: goal.id, merged: true });
		plan = await readPlan(caseworker(), pid());
		expect([plan.goals[0].title, plan.goals[0].status, plan.goals[0].targetDate]).toEqual([
			{ kind: 'free', text: 'Eigene Wohnung finden', locale: 'de' },
			'in_progress',
			'2027-01-31'
		]);
	});

	it("nobody reaches another participant's goal or step through this participant's plan", async () => {
		const other = actorOf(world.otherCaseworker);
		const goal = await createGoal(other, world.neighbour.id, goalInput('Deutschkurs'), 'de');
		if (!goal.ok) throw new Error();
		const step = await addStep(
			other,
			world.neighbour.id,
			goal.id,
			{ text: 'Anmelden', assignee: 'participant', serviceName: '', dueDate: '' },
			'de'
		);
		if (!step.ok) throw new Error();
		await expect(setStepDone(caseworker(), pid(), step.id, true, 1)).rejects.toMatchObject({ status: 404 });
		await expect(commentOnGoal(self(), pid(), goal.id, 'Hallo')).rejects.toMatchObject({ status: 404 });
		await expect(readPlan(caseworker(), world.neighbour.id)).rejects.toMatchObject({ status: 404 });
		await expect(readPlan(actorOf(world.volunteer), pid())).rejects.toMatchObject({ status: 404 });
	});

	it('the participant edits "why" in their own words, and only that; a deleted goal is reported, not resurrected', async () => {
		const goal = await createGoal(caseworker(), pid(), goalInput('Arbeit finden'), 'de');
		if (!goal.ok) throw new Error();
		const mine = await updateGoal(
			self(),
			pid(),
			goal.id,
			{ version: 1, base: { why: '' }, mine: { why: 'لأعيل عائلتي', title: 'geändert', status: 'achieved' } },
			'ar'
		);
		expect(mine.ok).toBe(true);
		const plan = await readPlan(self(), pid());
		expect([plan.goals[0].why, plan.goals[0].whyLocale, plan.goals[0].status]).toEqual([
			'لأعيل عائلتي',
			'ar',
			'planned'
		]);
		expect(plan.goals[0].title).toMatchObject({ text: 'Arbeit finden' });
		await deleteGoal(caseworker(), pid(), goal.id);
		expect(
			await updateGoal(self(), pid(), goal.id, { version: 2, base: { why: 'لأعيل عائلتي' }, mine: { why: 'x' } }, 'ar')
		).toEqual({ ok: false, reason: 'deleted' });
	});

	it('a step ticked while the goal is being edited is no conflict for the goal', async () => {
		const goal = await createGoal(caseworker(), pid(), goalInput('Kita-Platz'), 'de');
		if (!goal.ok) throw new Error();
		const step = await addStep(
			caseworker(),
			pid(),
			goal.id,
			{ text: 'Anmelden', assignee: 'participant', serviceName: '', dueDate: '' },
			'de'
		);
		if (!step.ok) throw new Error();
		const base = { title: 'Kita-Platz', why: '', field: 'work', status: 'planned', targetDate: '', nextReviewDate: '' };
		await setStepDone(self(), pid(), step.id, true, 1);
		expect(
			await updateGoal(
				caseworker(),
				pid(),
				goal.id,
				{ version: 1, base, mine: { ...base, status: 'in_progress' } },
				'de'
			)
		).toEqual({ ok: true, id: goal.id, merged: false });
		const plan = await readPlan(caseworker(), pid());
		expect([plan.goals[0].status, plan.goals[0].steps[0].done]).toEqual(['in_progress', true]);
	});

	it('late step edits merge field by field; the same field changed twice is offered with both values', async () => {
		const goal = await createGoal(caseworker(), pid(), goalInput('Arbeit'), 'de');
		if (!goal.ok) throw new Error();
		const step = await addStep(
			caseworker(),
			pid(),
			goal.id,
			{ text: 'Lebenslauf', assignee: 'participant', serviceName: '', dueDate: '' },
			'de'
		);
		if (!step.ok) throw new Error();
		const base = { text: 'Lebenslauf', assignee: 'participant', serviceName: '', dueDate: '' };
		expect(
			await updateStep(
				caseworker(),
				pid(),
				step.id,
				{ version: 1, base, mine: { ...base, dueDate: '2027-02-01' } },
				'de'
			)
		).toEqual({ ok: true, id: step.id, merged: false });
		expect(
			await updateStep(
				caseworker(),
				pid(),
				step.id,
				{ version: 1, base, mine: { ...base, assignee: 'volunteer' } },
				'de'
			)
		).toEqual({ ok: true, id: step.id, merged: true });
		const clash = await updateStep(
			caseworker(),
			pid(),
			step.id,
			{ version: 1, base, mine: { ...base, dueDate: '2027-03-01' } },
			'de'
		);
		expect(clash).toMatchObject({
			ok: false,
			reason: 'conflict',
			conflicts: [{ field: 'dueDate', mine: '2027-03-01', theirs: '2027-02-01' }]
		});
		const plan = await readPlan(caseworker(), pid());
		expect([plan.goals[0].steps[0].dueDate, plan.goals[0].steps[0].assignee]).toEqual(['2027-02-01', 'volunteer']);
	});

	it('reorders goals and keeps who changed what', async () => {
		const a = await createGoal(caseworker(), pid(), goalInput('A'), 'de');
		const b = await createGoal(caseworker(), pid(), goalInput('B'), 'de');
		if (!a.ok || !b.ok) throw new Error();
		await moveGoal(caseworker(), pid(), b.id, 'up');
		const plan = await readPlan(caseworker(), pid());
		expect(plan.goals.map((g) => g.id)).toEqual([b.id, a.id]);
		const history = await db.select().from(planHistory).where(eq(planHistory.participantId, pid()));
		expect(history.map((h) => h.change)).toEqual(['goal.created', 'goal.created', 'goal.moved']);
		expect(new Set(history.map((h) => h.actorId))).toEqual(new Set([world.caseworker.id]));
	});

	it('reorders the steps of a goal', async () => {
		const goal = await createGoal(caseworker(), pid(), goalInput('Umzug'), 'de');
		if (!goal.ok) throw new Error();
		for (const text of ['eins', 'zwei', 'drei']) {
			await addStep(
				caseworker(),
				pid(),
				goal.id,
				{ text, assignee: 'participant', serviceName: '', dueDate: '' },
				'de'
			);
		}
		const before = (await readPlan(caseworker(), pid())).goals[0].steps;
		await moveStep(caseworker(), pid(), before[2].id, 'up');
		const after = (await readPlan(caseworker(), pid())).goals[0].steps;
		expect(after.map((s) => (s.text.kind === 'free' ? s.text.text : ''))).toEqual(['eins', 'drei', 'zwei']);
		await expect(moveStep(self(), pid(), before[0].id, 'down')).rejects.toMatchObject({ status: 404 });
	});

	it('every change by staff is audited; the participant’s own changes are not', async () => {
		await createGoal(caseworker(), pid(), goalInput('Arbeit'), 'de');
		await proposeGoal(
			self(),
			pid(),
			{ field: 'social', catalogueId: '', title: 'أريد أن ألعب كرة القدم', why: '', targetDate: '' },
			'ar'
		);
		const entries = await db.select().from(auditLog).where(eq(auditLog.participantId, pid()));
		expect(entries.filter((e) => e.action === 'plan.changed').map((e) => e.actorId)).toEqual([world.caseworker.id]);
	});

	it('rejects empty titles, overlong text and impossible dates', () => {
		const form = (fields: Record<string, string>) => {
			const data = new FormData();
			for (const [k, val] of Object.entries(fields)) data.set(k, val);
			return data;
		};
		const parsed = parseForm(
			newGoalSchema,
			form({
				field: 'work',
				title: '',
				why: 'x'.repeat(10_000),
				targetDate: '2026-02-30',
				nextReviewDate: '2099-01-01'
			})
		);
		expect(!parsed.ok && parsed.failure.data.errors).toEqual({
			title: 'plan.title_or_catalogue',
			why: 'form.too_long',
			targetDate: 'form.plan_date_invalid',
			nextReviewDate: 'form.plan_date_invalid'
		});
		const untitled = parseForm(newGoalSchema, form({ field: '', title: '' }));
		expect(!untitled.ok && untitled.failure.data.errors).toEqual({
			title: 'plan.title_or_catalogue',
			field: 'form.pick_option'
		});
	});
});

describe('proposals', () => {
	it('a proposal waits for the caseworker, who accepts it or declines it with a reason', async () => {
		const proposed = await proposeGoal(
			self(),
			pid(),
			{ field: 'work', catalogueId: '', title: 'ابدأ عملي الخاص', why: 'أريد أن أكون مستقلاً', targetDate: '' },
			'ar'
		);
		const second = await proposeGoal(
			self(),
			pid(),
			{ field: 'social', catalogueId: '', title: 'رحلة', why: '', targetDate: '' },
			'ar'
		);
		if (!proposed.ok || !second.ok) throw new Error();
		let plan = await readPlan(caseworker(), pid());
		expect(plan.goals.map((g) => g.proposal)).toEqual(['proposed', 'proposed']);
		expect(plan.goals[0].title).toEqual({ kind: 'free', text: 'ابدأ عملي الخاص', locale: 'ar' });
		expect(plan.goals[0].whyLocale).toBe('ar');
		await acceptProposal(caseworker(), pid(), proposed.id);
		await declineProposal(caseworker(), pid(), second.id, 'Erst nach dem Sprachkurs');
		plan = await readPlan(self(), pid());
		expect(plan.goals.map((g) => [g.proposal, g.declineReason])).toEqual([
			['none', ''],
			['declined', 'Erst nach dem Sprachkurs']
		]);
		await expect(
			proposeGoal(caseworker(), pid(), { field: 'work', catalogueId: '', title: 'x', why: '', targetDate: '' }, 'de')
		).rejects.toMatchObject({ status: 404 });
		await expect(acceptProposal(self(), pid(), second.id)).rejects.toMatchObject({ status: 404 });
	});
});

describe('reviews', () => {
	it('records an outcome per goal and the next review date, all at once', async () => {
		const a = await createGoal(caseworker(), pid(), goalInput('A'), 'de');
		const b = await createGoal(caseworker(), pid(), goalInput('B'), 'de');
		if (!a.ok || !b.ok) throw new Error();
		await recordReview(caseworker(), pid(), {
			nextReviewDate: '2027-03-01',
			note: 'Gutes Gespräch',
			outcomes: [
				{ goalId: a.id, status: 'achieved', note: 'Geschafft' },
				{ goalId: b.id, status: 'in_progress', note: '' }
			]
		});
		const plan = await readPlan(self(), pid());
		expect(plan.nextReviewDate).toBe('2027-03-01');
		expect(plan.goals.map((g) => g.status)).toEqual(['achieved', 'in_progress']);
		// Each goal's change says from and to, as a single status change does: the key figures replay them (K5).
		const changes = await db
			.select({ goalId: planHistory.goalId, detail: planHistory.detail })
			.from(planHistory)
			.where(and(eq(planHistory.participantId, pid()), eq(planHistory.change, 'goal.status')));
		expect(changes.map((c) => [c.goalId, c.detail?.from, c.detail?.to]).sort()).toEqual(
			[
				[a.id, 'planned', 'achieved'],
				[b.id, 'planned', 'in_progress']
			].sort()
		);
		await expect(
			recordReview(self(), pid(), { nextReviewDate: '2027-03-01', note: '', outcomes: [] })
		).rejects.toMatchObject({ status: 404 });
	});
});

describe('agreement', () => {
	it('both confirm, the version becomes an immutable snapshot, and later changes are listed against it', async () => {
		const goal = await createGoal(caseworker(), pid(), goalInput('Deutsch B1'), 'de');
		if (!goal.ok) throw new Error();
		const version = await proposeVersion(caseworker(), pid());
		if (!version.ok) throw new Error();
		expect(await confirmAsParticipant(self(), pid(), version.id)).toEqual({ ok: true, agreed: false });
		expect(await confirmAsParticipant(self(), pid(), version.id)).toEqual({ ok: false, reason: 'already_confirmed' });
		expect(await confirmAsCaseworker(caseworker(), pid(), version.id)).toEqual({ ok: true, agreed: true });

		expect(() =>
			db.update(planVersions).set({ paperNote: 'changed' }).where(eq(planVersions.id, version.id)).run()
		).toThrow(/immutable/);
		expect(() => db.delete(planVersions).where(eq(planVersions.id, version.id)).run()).toThrow(/immutable/);

		await createGoal(caseworker(), pid(), goalInput('Wohnung'), 'de');
		const base = { title: 'Deutsch B1', why: '', field: 'work', status: 'planned', targetDate: '', nextReviewDate: '' };
		await updateGoal(caseworker(), pid(), goal.id, { version: 1, base, mine: { ...base, status: 'achieved' } }, 'de');
		const plan = await readPlan(self(), pid());
		expect(plan.lastAgreed?.number).toBe(1);
		expect(plan.changesSinceAgreed?.map((c) => c.kind).sort()).toEqual(['goal_added', 'goal_changed']);
	});

	it('a paper confirmation is recorded by staff with a note; the participant cannot confirm for staff', async () => {
		await createGoal(caseworker(), pid(), goalInput('Kita-Platz'), 'de');
		const version = await proposeVersion(caseworker(), pid());
		if (!version.ok) throw new Error();
		await expect(confirmAsCaseworker(self(), pid(), version.id)).rejects.toMatchObject({ status: 404 });
		await recordPaperConfirmation(caseworker(), pid(), version.id, 'Unterschrieben beim Hausbesuch');
		const result = await confirmAsCaseworker(caseworker(), pid(), version.id);
		expect(result).toEqual({ ok: true, agreed: true });
		const [row] = await db.select().from(planVersions).where(eq(planVersions.id, version.id));
		expect([row.participantConfirmedVia, row.paperRecordedBy, row.paperNote]).toEqual([
			'paper',
			world.caseworker.id,
			'Unterschrieben beim Hausbesuch'
		]);
	});

	it('an empty plan cannot be agreed, and a new proposal withdraws the pending one', async () => {
		expect(await proposeVersion(caseworker(), pid())).toEqual({ ok: false, reason: 'empty_plan' });
		await createGoal(caseworker(), pid(), goalInput('X'), 'de');
		const first = await proposeVersion(caseworker(), pid());
		const second = await proposeVersion(caseworker(), pid());
		if (!first.ok || !second.ok) throw new Error();
		await expect(confirmAsParticipant(self(), pid(), first.id)).rejects.toMatchObject({ status: 404 });
		expect((await confirmAsParticipant(self(), pid(), second.id)).ok).toBe(true);
	});
});

describe('catalogue', () => {
	it('ships at least 60 goals, each readable in every language, and a catalogue goal reads in each reader’s language', async () => {
		const { syncShippedCatalogue, listCatalogue } = await import('./catalogue');
		await syncShippedCatalogue();
		await syncShippedCatalogue();
		const catalogue = await listCatalogue();
		expect(catalogue.length).toBeGreaterThanOrEqual(60);
		for (const entry of catalogue) {
			expect(Object.keys(entry.texts).sort(), entry.id).toEqual(['ar', 'de', 'en', 'fa', 'ti']);
		}

		const entry = catalogue[0];
		const goal = await createGoal(caseworker(), pid(), { ...goalInput(''), field: '', catalogueId: entry.id }, 'de');
		if (!goal.ok) throw new Error();
		const plan = await readPlan(self(), pid());
		const { showText } = await import('./snapshot');
		expect(showText(plan.goals[0].title, 'ti').text).toBe(entry.texts.ti);
		expect(showText(plan.goals[0].title, 'de').text).toBe(entry.texts.de);
		expect(plan.goals[0].steps.length).toBe(entry.steps.length);
		expect(showText(plan.goals[0].steps[0].text, 'fa').text).toBe(entry.steps[0].texts.fa);
	});

	it('an admin adds a goal in every language without a code change', async () => {
		const { addCatalogueGoal, listCatalogue } = await import('./catalogue');
		const id = await addCatalogueGoal(actorOf(world.admin), 'social', {
			de: 'Im Chor singen',
			en: 'Sing in a choir',
			ar: 'الغناء في جوقة',
			fa: 'آواز خواندن در گروه کُر',
			ti: 'ኣብ ጉጅለ መዘምራን ምዝማር'
		});
		expect((await listCatalogue()).find((c) => c.id === id)?.texts.ti).toBe('ኣብ ጉጅለ መዘምራን ምዝማር');
	});
});
