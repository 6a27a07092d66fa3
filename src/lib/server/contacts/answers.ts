import type { Actor } from '../policy';
import { caseWorkAccess } from '../policy/casework';
import { prefillFromQuestion } from './prefill';
import { caseStateFor } from './read';
import { recordContact } from './write';

/**
 * A "please explain" answer counts as a digital contact (issue 13): recorded as the answer is saved, ten
 * minutes, topics left open; the caseworker corrects it within the correction days if it took longer.
 * Nothing is recorded for staff who do not record case work on this case, or on a closed case.
 */
export async function recordAnswerAsContact(
	actor: Actor,
	participantId: string,
	questionId: string,
	now = new Date()
): Promise<string | null> {
	const access = await caseWorkAccess(actor, participantId);
	if (access === null || !access.recordWork) return null;
	const state = await caseStateFor(access);
	if (state.closed) return null;
	const prefill = await prefillFromQuestion(access, questionId, state.firstContact);
	if (prefill.kind !== 'draft') return null;
	const { draft } = prefill;
	const result = recordContact(
		access,
		{ ...draft, durationMinutes: Number(draft.durationMinutes), interpreter: 'none' },
		now
	);
	return result.ok ? result.id : null;
}
