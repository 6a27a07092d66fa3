import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { coverToday } from '$lib/server/cases/covered';
import { openParticipant } from '$lib/server/participants';
import { consentsOf, endingSoon } from '$lib/server/consent';
import { documentSummary } from '$lib/server/documents/summary';
import { readPlan } from '$lib/server/plans/read';
import { openAppointments } from '$lib/server/appointments';
import { upcomingAppointmentsOf } from '$lib/server/appointments/lists';
import { appointmentViews } from '$lib/server/appointments/view';
import { remindersFor } from '$lib/server/reminders';
import { dateView, goalView, nextSteps } from '$lib/server/plans/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requireRole('participant');
	if (actor.participantId === null) error(404, 'error.not_found');
	const [record, plan] = await Promise.all([
		openParticipant(actor, actor.participantId),
		readPlan(actor, actor.participantId)
	]);
	const { participant } = record;
	const cover = await coverToday(record.access);
	const access = await openAppointments(actor, actor.participantId);
	const upcoming = await appointmentViews(await upcomingAppointmentsOf(access), access, actor, locals.locale);
	const goals = plan.goals.map((g) => goalView(g, locals.locale)).filter((g) => g.proposal === 'none');
	return {
		welcome: url.searchParams.has('welcome'),
		givenName: participant.givenName,
		familyName: participant.familyName,
		birthDate: participant.birthDate === null ? null : formatDate(locals.locale, participant.birthDate),
		residenceStatus: participant.residenceStatus,
		town: record.townName,
		district: participant.district,
		contact: { phone: participant.phone, email: participant.email, address: participant.address },
		householdMembers: record.householdMembers.map((m) => `${m.givenName} ${m.familyName}`),
		caseworker: record.caseworker,
		cover: cover === null ? null : { ...cover, until: formatDate(locals.locale, cover.endsOn) },
		plan: {
			goalCount: goals.length,
			achieved: goals.filter((g) => g.status === 'achieved').length,
			nextSteps: nextSteps(goals, 3),
			nextReview: dateView(plan.nextReviewDate, locals.locale, true),
			waitingForMe: plan.pending !== null && plan.pending.participantConfirmedAt === null
		},
		participantId: actor.participantId,
		nextAppointment: upcoming[0] ?? null,
		reminders: await remindersFor(actor.id, locals.locale),
		documents: await documentSummary(actor, actor.participantId, locals.locale),
		sharingEndingSoon: endingSoon(await consentsOf(record.access)).map((c) => c.granteeName)
	};
};
