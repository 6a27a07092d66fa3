import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { assessments, auditLog, cases } from '../db/schema';
import { caseWorkAccess, type CaseWorkAccess } from '../policy';
import { actorOf, makeWorld } from '../testing/factories';
import { assessmentsOf, saveAssessment, type AssessmentInput } from './assessment';

let world: Awaited<ReturnType<typeof makeWorld>>;
let access: CaseWorkAccess;
const answers = (overrides: Partial<AssessmentInput> = {}): AssessmentInput => ({
	germanLevel: 'a1',
	schooling: 'secondary',
	recognition: 'not_started',
	work: 'language_course',
	housing: 'follow_up_housing',
	benefits: 'sgb2',
	childrenCare: 'looking',
	residenceStatus: 'refugee',
	residenceExpiresOn: '2028-03-31',
	note: '',
	...overrides
});

beforeEach(async () => {
	world = await makeWorld();
	access = (await caseWorkAccess(actorOf(world.caseworker), world.participant.id))!;
});

describe('the assessment', () => {
	it('is kept as the entry snapshot; exit is the same form; both show side by side', async () => {
		expect(saveAssessment(access, 'entry', answers(), 0)).toEqual({ ok: true });
		expect(
			saveAssessment(access, 'exit', answers({ germanLevel: 'b1', work: 'employed', benefits: 'none' }), 0)
		).toEqual({
			ok: true
		});
		const found = await assessmentsOf(access);
		expect(found.entry).toMatchObject({ germanLevel: 'a1', work: 'language_course', version: 1 });
		expect(found.exit).toMatchObject({ germanLevel: 'b1', work: 'employed', benefits: 'none' });
		const viewed = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'assessment.viewed'), eq(auditLog.participantId, world.participant.id)));
		expect(viewed).toHaveLength(1);
	});

	it('a correction is conditional on the version seen; a second first recording is "changed meanwhile"', async () => {
		expect(saveAssessment(access, 'entry', answers(), 0)).toEqual({ ok: true });
		expect(saveAssessment(access, 'entry', answers(), 0)).toEqual({ ok: false, reason: 'form.changed_meanwhile' });
		expect(saveAssessment(access, 'entry', answers({ germanLevel: 'a2' }), 1)).toEqual({ ok: true });
		expect(saveAssessment(access, 'entry', answers({ germanLevel: 'b2' }), 1)).toEqual({
			ok: false,
			reason: 'form.changed_meanwhile'
		});
		const found = await assessmentsOf(access);
		expect(found.entry).toMatchObject({ germanLevel: 'a2', version: 2 });
	});

	it('two first recordings sent at once: one wins', async () => {
		const results = await Promise.all([
			Promise.resolve().then(() => saveAssessment(access, 'entry', answers(), 0)),
			Promise.resolve().then(() => saveAssessment(access, 'entry', answers({ germanLevel: 'c1' }), 0))
		]);
		expect(results).toContainEqual({ ok: true });
		expect(results).toContainEqual({ ok: false, reason: 'form.changed_meanwhile' });
		const [own] = await db.select().from(cases).where(eq(cases.participantId, world.participant.id));
		expect(await db.select().from(assessments).where(eq(assessments.caseId, own.id))).toHaveLength(1);
	});

	it('a closed case keeps its entry but takes the exit snapshot; the person herself cannot record', async () => {
		await db.update(cases).set({ status: 'closed' }).where(eq(cases.participantId, world.participant.id));
		expect(saveAssessment(access, 'entry', answers(), 0)).toEqual({ ok: false, reason: 'assessment_page.case_closed' });
		expect(saveAssessment(access, 'exit', answers(), 0)).toEqual({ ok: true });
		const self = await caseWorkAccess(
			actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id),
			world.participant.id
		);
		expect(saveAssessment(self!, 'exit', answers(), 1)).toEqual({ ok: false, reason: 'assessment_page.not_allowed' });
	});
});
