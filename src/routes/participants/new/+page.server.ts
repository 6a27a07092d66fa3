import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { dayInGermany } from '$lib/i18n/format';
import { requireActor } from '$lib/server/auth/guard';
import { handoverConsentMissing } from '$lib/server/cases/handover';
import { handoverEntries, type HandoverFields } from '$lib/server/cases/schema';
import { formFailure, parseForm } from '$lib/server/forms';
import { formAction } from '$lib/server/form-action';
import { listTowns } from '$lib/server/organisations';
import { createParticipant } from '$lib/server/participants';
import { participantSchema } from '$lib/server/participants/schema';
import { canCreateParticipants } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

const handoverSchema = v.object(handoverEntries);

/** Anything typed into the handover part makes it one: nothing the caseworker typed is silently dropped. */
function handoverTyped(formData: FormData): boolean {
	return Object.keys(handoverEntries).some((name) => {
		const value = formData.get(name);
		return name !== 'mattersLanguage' && typeof value === 'string' && value.trim() !== '';
	});
}

export const load: PageServerLoad = async ({ url }) => {
	const actor = requireActor();
	if (!canCreateParticipants(actor)) error(404, 'error.not_found');
	return {
		towns: await listTowns(),
		householdId: url.searchParams.get('household') ?? '',
		handover: url.searchParams.has('handover'),
		today: dayInGermany()
	};
};

export const actions: Actions = {
	// A person handed over by the shelter's social services is recorded with her handover in one form.
	default: formAction(participantSchema, async ({ actor, input, formData }) => {
		let handover: HandoverFields | null = null;
		if (handoverTyped(formData)) {
			const parsed = parseForm(handoverSchema, formData);
			if (!parsed.ok) return parsed.failure;
			const missing = handoverConsentMissing(parsed.output);
			if (missing !== null && !missing.ok) {
				return formFailure(400, missing.reason, formData, { [missing.field ?? 'form']: missing.reason });
			}
			handover = parsed.output;
		}
		const result = await createParticipant(actor, input, handover);
		if (!result.saved) {
			const field = result.reason === 'town_unknown' ? 'townId' : 'householdId';
			return formFailure(400, `participant.${result.reason}`, formData, { [field]: `participant.${result.reason}` });
		}
		redirect(
			303,
			handover === null ? `/participants/${result.id}?created=1` : `/participants/${result.id}/case?handover=1`
		);
	})
};
