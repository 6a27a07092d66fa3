import { redirect } from '@sveltejs/kit';
import { formatDate, formatDateTime } from '$lib/i18n/format';
import { consentsOf, grantConsent, revokeConsent } from '$lib/server/consent';
import { correctionOutcomeSchema, correctionSchema, revokeSchema, paperGrantSchema } from '$lib/server/consent/schema';
import { consentView } from '$lib/server/consent/view';
import { correctionsOf, decideCorrection, recordCorrectionRequest } from '$lib/server/rights/corrections';
import { requireRole } from '$lib/server/auth/guard';
import { coveredFor } from '$lib/server/cases/covered';
import { caseSummary } from '$lib/server/cases/read';
import { periodView } from '$lib/server/cases/view';
import { caseWorkAccess } from '$lib/server/policy';
import { formFailure, seenOf } from '$lib/server/forms';
import { formAction } from '$lib/server/form-action';
import { latestInvitation } from '$lib/server/invitations';
import { listTowns } from '$lib/server/organisations';
import { openParticipant, updateParticipant } from '$lib/server/participants';
import { assignCaseworker, caseworkersOf, lastHandoverNote } from '$lib/server/participants/assignment';
import { assignSchema, participantSchema } from '$lib/server/participants/schema';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = requireRole('caseworker', 'lead');
	const record = await openParticipant(actor, params.id);
	const { access } = record;
	const canEdit = access.editCase;
	const canAssign = access.assignCaseworker;
	const [towns, invitation, consents, corrections, work, handover] = await Promise.all([
		listTowns(),
		latestInvitation(access),
		consentsOf(access),
		correctionsOf(access),
		caseWorkAccess(actor, params.id),
		lastHandoverNote(access)
	]);
	const caseLine = work === null ? null : await caseSummary(work);
	// A colleague covering today sees for whom and until when, as on her caseload.
	const covering =
		access.relation === 'covering_caseworker'
			? ((await coveredFor(actor.id, [params.id])).get(params.id) ?? null)
			: null;
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
		caseLine:
			caseLine === null ? null : { status: caseLine.status, period: periodView(caseLine.period, locals.locale) },
		caseworker: record.caseworker,
		covering:
			covering === null ? null : { absentName: covering.absentName, until: formatDate(locals.locale, covering.endsOn) },
		handover: handover === null ? null : { ...handover, at: formatDateTime(locals.locale, handover.at) },
		householdMembers: record.householdMembers,
		hasAccount: record.hasAccount,
		invitationOpen:
			invitation !== null &&
			invitation.usedAt === null &&
			invitation.cancelledAt === null &&
			invitation.expiresAt.getTime() > now,
		invitationExpires: invitation === null ? null : formatDateTime(locals.locale, invitation.expiresAt),
		towns,
		canEdit,
		canAssign,
		caseworkers,
		consents: consents.map((c) => consentView(c, locals.locale)),
		corrections: corrections.map((c) => ({
			...c,
			createdAt: formatDateTime(locals.locale, c.createdAt),
			outcomeAt: c.outcomeAt === null ? null : formatDateTime(locals.locale, c.outcomeAt)
		}))
	};
};

export const actions: Actions = {
	update: formAction(
		participantSchema,
		async ({ actor, input, formData, event: { params } }) => {
			const result = await updateParticipant(actor, params.id, input);
			if (!result.saved) {
				return formFailure(400, `participant.${result.reason}`, formData, { townId: `participant.${result.reason}` });
			}
			redirect(303, `/participants/${params.id}?saved=1`);
		},
		{ roles: ['caseworker', 'lead'] }
	),
	assign: formAction(
		assignSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const { caseworkerId, seenCaseworkerId, note } = input;
			const assigned = await assignCaseworker(actor, params.id, caseworkerId, {
				seenCaseworkerId: seenCaseworkerId === '' ? null : seenCaseworkerId,
				note
			});
			if (!('ok' in assigned)) return refuse(assigned);
			redirect(303, `/participants/${params.id}?assigned=1`);
		},
		{ roles: ['lead'] }
	),
	revoke: formAction(
		revokeSchema,
		async ({ actor, input, formData, event: { params } }) => {
			const revoked = await revokeConsent(actor, params.id, input.consentId, input.reason, seenOf(input));
			if (!revoked.ok) return formFailure(409, revoked.reason, formData);
			redirect(303, `/participants/${params.id}?revoked=1#sharing`);
		},
		{ roles: ['caseworker', 'lead'] }
	),
	paperConsent: formAction(
		paperGrantSchema,
		async ({ actor, input, event: { params, locals } }) => {
			const { granteeKind, granteeName, purpose, scopes, months, paperNote } = input;
			const { code } = await grantConsent(actor, params.id, {
				granteeKind,
				granteeName,
				purpose,
				scopes,
				months: Number(months),
				givenVia: 'paper',
				paperNote,
				noticeLocale: locals.locale
			});
			// A volunteer still has to accept with a code; it is shown once, to hand over.
			if (code !== null) return { volunteerCode: code, granteeName };
			redirect(303, `/participants/${params.id}?consent_recorded=1#sharing`);
		},
		{ roles: ['caseworker', 'lead'] }
	),
	correction: formAction(
		correctionSchema,
		async ({ actor, input, event: { params } }) => {
			await recordCorrectionRequest(actor, params.id, input.request);
			redirect(303, `/participants/${params.id}?correction=1#corrections`);
		},
		{ roles: ['caseworker', 'lead'] }
	),
	correctionOutcome: formAction(
		correctionOutcomeSchema,
		async ({ actor, input, formData, event: { params } }) => {
			const { correctionId, outcome, note } = input;
			const decided = await decideCorrection(actor, params.id, correctionId, outcome, note, seenOf(input));
			if (!decided.ok) {
				return formFailure(decided.reason === 'error.not_found' ? 404 : 409, decided.reason, formData);
			}
			redirect(303, `/participants/${params.id}?correction=1#corrections`);
		},
		{ roles: ['caseworker', 'lead'] }
	)
};
