import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { caseNotice } from '$lib/server/cases/notice';
import { readOwnCase } from '$lib/server/cases/read';
import { currentCaseworker, participantSummary } from '$lib/server/participants';
import { caseAccess, caseWorkAccess } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

/** The closure letter, printed by the person herself, in the language she reads the app in. */
export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const [access, own] = await Promise.all([
		caseWorkAccess(actor, actor.participantId),
		caseAccess(actor, actor.participantId)
	]);
	if (access === null || own === null) error(404, 'error.not_found');
	const mine = await readOwnCase(access);
	if (mine.status !== 'closed' && mine.status !== 'transferred') error(404, 'error.not_found');
	const [person, caseworker] = await Promise.all([participantSummary(own), currentCaseworker(own)]);
	const name = `${person.givenName} ${person.familyName}`;
	return {
		back: '/my-case',
		name,
		printedOn: formatDate(locals.locale, new Date()),
		notice: caseNotice(mine, locals.locale, name, caseworker)
	};
};
