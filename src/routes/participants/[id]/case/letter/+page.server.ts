import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/i18n/format';
import { recordAudit } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/guard';
import { caseNotice } from '$lib/server/cases/notice';
import { caseParticipant } from '$lib/server/cases/options';
import { readOwnCase } from '$lib/server/cases/read';
import { currentCaseworker } from '$lib/server/participants';
import { caseAccess, caseWorkAccess } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

/** The closure letter as staff print it at the closing talk: in the person's own language. */
export const load: PageServerLoad = async ({ params }) => {
	const actor = requireRole('caseworker', 'lead');
	const [access, own] = await Promise.all([caseWorkAccess(actor, params.id), caseAccess(actor, params.id)]);
	if (access === null || own === null || !access.recordWork) error(404, 'error.not_found');
	const mine = await readOwnCase(access);
	if (mine.status !== 'closed' && mine.status !== 'transferred') error(404, 'error.not_found');
	const [person, caseworker] = await Promise.all([caseParticipant(access), currentCaseworker(own)]);
	await recordAudit({ actor, action: 'case.letter_printed', participantId: params.id });
	const name = `${person.givenName} ${person.familyName}`;
	return {
		back: `/participants/${params.id}/case`,
		name,
		printedOn: formatDate(person.language, new Date()),
		notice: caseNotice(mine, person.language, name, caseworker)
	};
};
