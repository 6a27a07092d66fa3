import { redirect } from '@sveltejs/kit';
import { formatDateTime } from '$lib/i18n/format';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { requireActor } from '$lib/server/auth/guard';
import { caseWorkHeading, requireStaffCaseWork } from '$lib/server/cases/require';
import { formAction } from '$lib/server/form-action';
import { seenOf } from '$lib/server/forms';
import { changeReferralStatus, makeReferral, REFERRAL_TRANSITIONS, referralsPage } from '$lib/server/referrals';
import { activeServicesIn, directoryCountiesForParticipant } from '$lib/server/referrals/directory';
import { referralSchema, referralStatusSchema } from '$lib/server/referrals/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const access = await requireStaffCaseWork(requireActor(), params.id);
	const [participant, page, services] = await Promise.all([
		caseWorkHeading(access),
		referralsPage(access, url.searchParams.get(CURSOR_PARAM)),
		directoryCountiesForParticipant(access.participantId).then(activeServicesIn)
	]);
	return {
		participant,
		canRecord: access.recordWork,
		services: services.map((s) => ({ id: s.id, target: s.target, name: s.name })),
		referrals: page.rows.map((r) => ({
			...r,
			madeAt: formatDateTime(locals.locale, r.madeAt),
			statusChangedAt: r.statusChangedAt === null ? null : formatDateTime(locals.locale, r.statusChangedAt),
			next: REFERRAL_TRANSITIONS[r.status]
		})),
		pager: pagerOf(page),
		done: url.searchParams.has('made') ? 'referrals.made' : url.searchParams.has('changed') ? 'form.saved' : null
	};
};

export const actions: Actions = {
	make: formAction(referralSchema, async ({ actor, input, event, refuse }) => {
		const access = await requireStaffCaseWork(actor, event.params.id);
		const made = await makeReferral(access, input);
		if (!made.ok) {
			return refuse({
				reason: made.reason,
				field: made.reason === 'referrals.service_unknown' ? 'serviceId' : undefined
			});
		}
		redirect(303, `/participants/${access.participantId}/referrals?made`);
	}),
	status: formAction(referralStatusSchema, async ({ actor, input, event, refuse }) => {
		const access = await requireStaffCaseWork(actor, event.params.id);
		const changed = await changeReferralStatus(access, input.id, input.to, seenOf(input));
		if (!changed.ok) return refuse({ reason: changed.reason });
		redirect(303, `/participants/${access.participantId}/referrals?changed`);
	})
};
