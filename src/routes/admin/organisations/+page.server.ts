import * as v from 'valibot';
import { ORGANISATION_KINDS } from '$lib/domain';
import { requireRole } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { nameText } from '$lib/server/forms';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import {
	CONTACT_GAP_WEEKS_RANGE,
	RETENTION_YEARS_RANGE,
	createOrganisation,
	listCounties,
	organisationsPage,
	setContactGapWeeks,
	setCounty,
	setRetentionYears
} from '$lib/server/organisations';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	requireRole('admin');
	const page = await organisationsPage(url.searchParams.get(CURSOR_PARAM));
	const counties = (await listCounties()).map((c) => ({ id: c.id, name: c.name }));
	return { organisations: page.rows, counties, pager: pagerOf(page) };
};

const id = v.pipe(v.string('form.invalid'), v.trim(), v.maxLength(64, 'form.invalid'));
const orNull = (s: string) => (s === '' ? null : s);

const organisationSchema = v.object({
	name: nameText(150),
	kind: v.picklist(ORGANISATION_KINDS, 'form.pick_option'),
	countyId: v.optional(id, '')
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

const organisationId = v.pipe(id, v.nonEmpty('form.invalid'));

const contactGapSchema = v.object({
	organisationId,
	seenWeeks: count('form.changed_meanwhile', 0, 1000),
	weeks: count('admin.contact_gap_invalid', CONTACT_GAP_WEEKS_RANGE.min, CONTACT_GAP_WEEKS_RANGE.max)
});

const retentionSchema = v.object({
	organisationId,
	seenYears: count('form.changed_meanwhile', 0, 1000),
	years: count('admin.retention_invalid', RETENTION_YEARS_RANGE.min, RETENTION_YEARS_RANGE.max)
});

const countySchema = v.object({ organisationId, seenCountyId: v.optional(id, ''), countyId: v.optional(id, '') });

export const actions: Actions = {
	contactGap: formAction(
		contactGapSchema,
		async ({ actor, input, refuse }) => {
			const outcome = await setContactGapWeeks(actor, input.organisationId, input.seenWeeks, input.weeks);
			return 'ok' in outcome ? { gapSaved: input.organisationId } : refuse({ ...outcome, field: 'weeks' });
		},
		{ roles: ['admin'] }
	),
	retention: formAction(
		retentionSchema,
		async ({ actor, input, refuse }) => {
			const outcome = await setRetentionYears(actor, input.organisationId, input.seenYears, input.years);
			return 'ok' in outcome ? { retentionSaved: input.organisationId } : refuse({ ...outcome, field: 'years' });
		},
		{ roles: ['admin'] }
	),
	county: formAction(
		countySchema,
		async ({ actor, input, refuse }) => {
			const outcome = await setCounty(actor, input.organisationId, orNull(input.seenCountyId), orNull(input.countyId));
			return 'ok' in outcome ? { countySaved: input.organisationId } : refuse({ ...outcome, field: 'countyId' });
		},
		{ roles: ['admin'] }
	),
	create: formAction(
		organisationSchema,
		async ({ actor, input, refuse }) => {
			const countyId = input.kind === 'county' ? null : orNull(input.countyId);
			const outcome = await createOrganisation(actor, input.name, input.kind, countyId);
			return 'ok' in outcome ? { created: true } : refuse({ ...outcome, field: 'countyId' });
		},
		{ roles: ['admin'] }
	)
};
