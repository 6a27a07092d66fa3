import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { formFailure, parseForm } from '$lib/server/forms';
import { latestInvitation } from '$lib/server/invitations';
import { listTowns } from '$lib/server/organisations';
import { openParticipant, updateParticipant } from '$lib/server/participants';
import { assignCaseworker, caseworkersOf } from '$lib/server/participants/assignment';
import { participantSchema } from '$lib/server/participants/schema';
import { canAssignCaseworker, canEditParticipant } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = requireRole('caseworker', 'lead');
	const record = await openParticipant(actor, params.id);
	const [towns, canEdit, canAssign, invitation] = await Promise.all([
		listTowns(),
		canEditParticipant(actor, params.id),
		canAssignCaseworker(actor, params.id),
		latestInvitation(params.id)
	]);
	const caseworkers = canAssign && actor.organisationId !== null ? await caseworkersOf(actor.organisationId) : [];
	const { participant } = record;
	const now = Date.now();
	return {
		participant: {
			...participant,
			createdAt: undefined,
			updatedAt: formatDateTime(locals.locale, participant.updatedAt)
		},
		townName: record.townName,
		caseworker: record.caseworker,
		householdMembers: record.householdMembers,
		hasAccount: record.hasAccount,
		invitationOpen: invitation !== null && invitation.usedAt === null && invitation.cancelledAt === null && invitation.expiresAt.getTime() > now,
		invitationExpires: invitation === null ? null : formatDateTime(locals.locale, invitation.expiresAt),
		towns,
		canEdit,
		canAssign,
		caseworkers
	};
};

export const actions: Actions = {
	update: async ({ request, params }) => {
		const actor = requireRole('caseworker', 'lead');
		const formData = await request.formData();
		const parsed = parseForm(participantSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const result = await updateParticipant(actor, params.id, parsed.output);
		if (!result.saved) return formFailure(400, `participant.${result.reason}`, formData, { townId: `participant.${result.reason}` });
		redirect(303, `/participants/${params.id}?saved=1`);
	},
	assign: async ({ request, params }) => {
		const actor = requireRole('lead');
		const formData = await request.formData();
		const parsed = v.safeParse(v.object({ caseworkerId: v.pipe(v.string(), v.nonEmpty(), v.maxLength(64)) }), Object.fromEntries(formData));
		if (!parsed.success) return formFailure(400, 'form.pick_option', formData, { caseworkerId: 'form.pick_option' });
		const assigned = await assignCaseworker(actor, params.id, parsed.output.caseworkerId);
		if (!assigned) return formFailure(400, 'form.pick_option', formData, { caseworkerId: 'form.pick_option' });
		redirect(303, `/participants/${params.id}?assigned=1`);
	}
};
