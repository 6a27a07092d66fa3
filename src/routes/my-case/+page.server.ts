import { error } from '@sveltejs/kit';
import { dayInGermany } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { caseNotice } from '$lib/server/cases/notice';
import { coverToday } from '$lib/server/cases/covered';
import { readOwnCase } from '$lib/server/cases/read';
import { periodView } from '$lib/server/cases/view';
import { currentCaseworker } from '$lib/server/participants';
import { caseAccess, caseWorkAccess } from '$lib/server/policy';
import { formatDate } from '$lib/i18n/format';
import type { PageServerLoad } from './$types';

/** The participant's own case: status and period in plain words, her caseworker (or today's cover), closure. */
export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const [access, own] = await Promise.all([
		caseWorkAccess(actor, actor.participantId),
		caseAccess(actor, actor.participantId)
	]);
	if (access === null || own === null) error(404, 'error.not_found');
	const today = dayInGermany();
	const [mine, caseworker] = await Promise.all([readOwnCase(access, today), currentCaseworker(own)]);
	const cover = caseworker === null ? null : await coverToday(own, today);
	const ended = mine.status === 'closed' || mine.status === 'transferred';
	return {
		status: mine.status,
		period: periodView(mine.period, locals.locale),
		caseworker: caseworker === null ? null : { displayName: caseworker.displayName, phone: caseworker.phone },
		cover: cover === null ? null : { ...cover, endsOn: formatDate(locals.locale, cover.endsOn) },
		serviceName: mine.service?.name ?? null,
		notice: ended ? caseNotice(mine, locals.locale, '', caseworker) : null
	};
};
