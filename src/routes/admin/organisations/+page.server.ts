import * as v from 'valibot';
import { ORGANISATION_KINDS } from '$lib/domain';
import { requireRole } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { nameText } from '$lib/server/forms';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import {
	CONTACT_GAP_WEEKS_RANGE,
	createOrganisation,
	organisationsPage,
	setContactGapWeeks
} from '$lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('admin');
	const page = await organisationsPage(url.searchParams.get(CURSOR_PARAM));
	return { organisations: page.rows, pager: pagerOf(page) };
};

const organisationSchema = v.object({
	name: nameText(150),
	kind: v.picklist(ORGANISATION_KINDS, 'form.pick_option')
});

const count = (message: string, min: number, max: number) =>
	v.pipe(
		v.string(message),
		v.trim(),
		v.transform(Number),
		v.integer(message),
		v.minValue(min, message),
		v.maxValue(max, message)
	);

const contactGapSchema = v.object({
	organisationId: v.pipe(v.string('form.invalid'), v.nonEmpty('form.invalid'), v.maxLength(64, 'form.invalid')),
	seenWeeks: count('form.changed_meanwhile', 0, 1000),
	weeks: count('admin.contact_gap_invalid', CONTACT_GAP_WEEKS_RANGE.min, CONTACT_GAP_WEEKS_RANGE.max)
});

export const actions: Actions = {
	contactGap: formAction(
		contactGapSchema,
		async ({ actor, input, refuse }) => {
			const outcome = await setContactGapWeeks(actor, input.organisationId, input.seenWeeks, input.weeks);
			return 'ok' in outcome ? { gapSaved: input.organisationId } : refuse({ ...outcome, field: 'weeks' });
		},
		{ roles: ['admin'] }
	),
	create: formAction(
		organisationSchema,
		async ({ actor, input }) => {
			await createOrganisation(actor, input.name, input.kind);
			return { created: true };
		},
		{ roles: ['admin'] }
	)
};
