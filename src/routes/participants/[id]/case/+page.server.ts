import { error, redirect } from '@sveltejs/kit';
import { dayInGermany, formatDate, formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { changeCourse, closeCase, setEligibility } from '$lib/server/cases/course';
import { recordHandover } from '$lib/server/cases/handover';
import { caseParticipant, transferOptions } from '$lib/server/cases/options';
import { readCase } from '$lib/server/cases/read';
import { decideRequest, requestExtension } from '$lib/server/cases/requests';
import {
	closeSchema,
	decisionSchema,
	eligibilitySchema,
	extensionSchema,
	handoverSchema,
	pauseSchema,
	stepSchema,
	transferSchema
} from '$lib/server/cases/schema';
import { transferCase } from '$lib/server/cases/transfer';
import { caseView } from '$lib/server/cases/view';
import { consentsOf } from '$lib/server/consent';
import { seenOf } from '$lib/server/forms';
import { formAction } from '$lib/server/form-action';
import { caseAccess, caseWorkAccess, type Actor } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

async function access(actor: Actor, participantId: string) {
	const granted = await caseWorkAccess(actor, participantId);
	if (granted === null || granted.relation === 'self') error(404, 'error.not_found');
	return granted;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = requireRole('caseworker', 'lead');
	const granted = await access(actor, params.id);
	const person = await caseParticipant(granted);
	const view = caseView(await readCase(granted), locals.locale);
	const open = view.status !== 'closed';
	const [options, consents] = await Promise.all([
		open && granted.recordWork ? transferOptions(granted, person.organisationId) : null,
		open && granted.recordWork ? caseAccess(actor, params.id).then((a) => (a === null ? [] : consentsOf(a))) : []
	]);
	return {
		participant: { id: person.id, name: `${person.givenName} ${person.familyName}` },
		view,
		canRecord: granted.recordWork,
		canApprove: granted.approve,
		today: dayInGermany(),
		directory: options?.directory ?? [],
		upcoming: (options?.upcoming ?? []).map((a) => ({
			id: a.id,
			label: `${formatDateTime(locals.locale, a.startsAt)}${a.title === '' ? '' : ` · ${a.title}`}`
		})),
		consents: consents.map((c) => ({
			id: c.id,
			label: `${c.granteeName} · ${formatDate(locals.locale, c.validFrom)}`
		}))
	};
};

const done = (id: string, what: string) => redirect(303, `/participants/${id}/case?done=${what}`);
const schemaOptions = { roles: ['caseworker', 'lead'] as ('caseworker' | 'lead')[] };

export const actions: Actions = {
	pause: formAction(
		pauseSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const outcome = await changeCourse(await access(actor, params.id), 'pause', input.reason, seenOf(input));
			if (!outcome.ok) return refuse(outcome);
			done(params.id, 'paused');
		},
		schemaOptions
	),
	resume: formAction(
		pauseSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const outcome = await changeCourse(await access(actor, params.id), 'resume', input.reason, seenOf(input));
			if (!outcome.ok) return refuse(outcome);
			done(params.id, 'resumed');
		},
		schemaOptions
	),
	reopen: formAction(
		stepSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const outcome = await changeCourse(await access(actor, params.id), 'reopen', input.reason, seenOf(input));
			if (!outcome.ok) return refuse(outcome);
			done(params.id, 'reopened');
		},
		schemaOptions
	),
	close: formAction(
		closeSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const outcome = await closeCase(await access(actor, params.id), input, seenOf(input));
			if (!outcome.ok) return refuse(outcome);
			done(params.id, outcome.requested ? 'closure_requested' : 'closed');
		},
		schemaOptions
	),
	extension: formAction(
		extensionSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const outcome = await requestExtension(await access(actor, params.id), input, seenOf(input));
			if (!outcome.ok) return refuse(outcome);
			done(params.id, 'extension_requested');
		},
		schemaOptions
	),
	transfer: formAction(
		transferSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const outcome = await transferCase(await access(actor, params.id), input, seenOf(input));
			if (!outcome.ok) return refuse(outcome);
			done(params.id, 'transferred');
		},
		schemaOptions
	),
	eligibility: formAction(
		eligibilitySchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const outcome = await setEligibility(await access(actor, params.id), input.eligibility, seenOf(input));
			if (!outcome.ok) return refuse(outcome);
			done(params.id, 'eligibility');
		},
		schemaOptions
	),
	handover: formAction(
		handoverSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			const outcome = await recordHandover(await access(actor, params.id), input, seenOf(input));
			if (!outcome.ok) return refuse(outcome);
			done(params.id, 'handover');
		},
		schemaOptions
	),
	decide: formAction(
		decisionSchema,
		async ({ actor, input, refuse, event: { params } }) => {
			if (input.participantId !== params.id) error(404, 'error.not_found');
			const outcome = await decideRequest(await access(actor, params.id), input);
			if (!outcome.ok) return refuse(outcome);
			done(params.id, input.outcome);
		},
		{ roles: ['lead'] }
	)
};
