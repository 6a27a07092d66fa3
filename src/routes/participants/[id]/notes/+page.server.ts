import { redirect } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireActor } from '$lib/server/auth/guard';
import { caseWorkHeading, requireStaffCaseWork } from '$lib/server/cases/require';
import { formAction } from '$lib/server/form-action';
import { noteSubjectsOf, notesPage, writeNote } from '$lib/server/notes';
import { noteSchema } from '$lib/server/notes/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const access = await requireStaffCaseWork(requireActor(), params.id);
	const [participant, page, subjects] = await Promise.all([
		caseWorkHeading(access),
		notesPage(access, url.searchParams.get(CURSOR_PARAM)),
		noteSubjectsOf(access, locals.locale)
	]);
	const contact = url.searchParams.get('contact');
	const goal = url.searchParams.get('goal');
	return {
		participant,
		canRecord: access.recordWork,
		seesSensitive: access.readSensitiveNotes,
		preselect: subjects.contacts.some((c) => c.id === contact)
			? { subject: 'contact', contactId: contact }
			: subjects.goals.some((g) => g.id === goal)
				? { subject: 'goal', goalId: goal }
				: { subject: 'case' },
		goals: subjects.goals,
		contacts: subjects.contacts.map((c) => ({ ...c, occurredAt: formatDateTime(locals.locale, c.occurredAt) })),
		notes: page.rows.map((n) => ({ ...n, createdAt: formatDateTime(locals.locale, n.createdAt) })),
		pager: pagerOf(page),
		written: url.searchParams.has('written')
	};
};

export const actions: Actions = {
	default: formAction(noteSchema, async ({ actor, input, event, refuse }) => {
		const access = await requireStaffCaseWork(actor, event.params.id);
		const written = writeNote(access, input);
		if (!written.ok) return refuse({ reason: written.reason });
		redirect(303, `/participants/${access.participantId}/notes?written`);
	})
};
