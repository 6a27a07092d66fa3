import { redirect } from '@sveltejs/kit';
import { formatDate, formatDateTime } from '$lib/i18n/format';
import { requireActor } from '$lib/server/auth/guard';
import { assessmentsOf, saveAssessment } from '$lib/server/cases/assessment';
import { assessmentSchema } from '$lib/server/cases/assessment-schema';
import { caseWorkHeading, requireStaffCaseWork } from '$lib/server/cases/require';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const access = await requireStaffCaseWork(requireActor(), params.id);
	const kind = url.searchParams.get('kind') === 'exit' ? 'exit' : 'entry';
	const [participant, found] = await Promise.all([caseWorkHeading(access), assessmentsOf(access)]);
	const view = (a: typeof found.entry) =>
		a === null
			? null
			: {
					...a,
					createdAt: undefined,
					updatedAt: formatDateTime(locals.locale, a.updatedAt),
					residenceExpiresLabel: a.residenceExpiresOn === null ? null : formatDate(locals.locale, a.residenceExpiresOn)
				};
	return {
		participant,
		kind,
		canRecord: access.recordWork,
		caseClosed: found.caseStatus === 'closed',
		entry: view(found.entry),
		exit: view(found.exit),
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: formAction(assessmentSchema, async ({ actor, input, event, refuse }) => {
		const access = await requireStaffCaseWork(actor, event.params.id);
		const { kind, seenVersion, ...answers } = input;
		const saved = saveAssessment(access, kind, answers, seenVersion);
		if (!saved.ok) return refuse({ reason: saved.reason });
		redirect(303, `/participants/${access.participantId}/assessment?kind=${kind}&saved`);
	})
};
