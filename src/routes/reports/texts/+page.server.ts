import { error, redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { dayInGermany, formatDateTime } from '$lib/i18n/format';
import { defaultReportYear } from '$lib/report-period';
import { requireRole } from '$lib/server/auth/guard';
import { formAction } from '$lib/server/form-action';
import { reportTextOwner } from '$lib/server/policy/report-texts';
import { readReportTexts, saveReportTexts } from '$lib/server/report-texts';
import { reportTextsSchema, reportYear } from '$lib/server/report-texts/schema';
import type { Actions, PageServerLoad } from './$types';

/** The year asked for, else the one the report pages default to (the past year during January). */
function yearOf(url: URL): number {
	const asked = v.safeParse(reportYear, url.searchParams.get('year') ?? '');
	return asked.success ? asked.output : defaultReportYear();
}

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireRole('caseworker', 'lead');
	const owner = await reportTextOwner(actor, { caseworkerId: url.searchParams.get('caseworkerId') ?? undefined });
	if (owner === null) error(404, 'error.not_found');
	const year = yearOf(url);
	const texts = await readReportTexts(owner, year);
	const thisYear = Number(dayInGermany().slice(0, 4));
	return {
		owner,
		year,
		years: Array.from({ length: 5 }, (_, i) => thisYear - i),
		texts: { ...texts, updatedAt: texts.updatedAt === null ? null : formatDateTime(locals.locale, texts.updatedAt) },
		saved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	default: formAction(
		reportTextsSchema,
		async ({ actor, input, event, refuse }) => {
			const owner = await reportTextOwner(actor, {});
			if (owner === null || !owner.writable) error(404, 'error.not_found');
			const { year, seenVersion, ...texts } = input;
			const saved = saveReportTexts(actor, owner, year, seenVersion, texts);
			if ('reason' in saved) return refuse({ reason: saved.reason });
			redirect(303, `${event.url.pathname}?year=${year}&saved`);
		},
		{ roles: ['caseworker', 'lead'] }
	)
};
