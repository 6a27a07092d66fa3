import { formatNumber } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { setFullTimeEquivalent, teamLoad } from '$lib/server/cases/team-load';
import { fteSchema } from '$lib/server/cases/team-schema';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireRole('lead');
	const { caseworkers, unassigned } = await teamLoad(actor);
	return {
		unassigned,
		caseworkers: caseworkers.map((c) => ({
			...c,
			fte: formatNumber(locals.locale, c.fullTimeEquivalent / 100),
			// The value the form shows and sends back, in the locale's own decimal sign.
			fteInput: (c.fullTimeEquivalent / 100).toFixed(2).replace('.', locals.locale === 'de' ? ',' : '.')
		}))
	};
};

export const actions: Actions = {
	fte: formAction(
		fteSchema,
		async ({ actor, input, refuse }) => {
			const outcome = await setFullTimeEquivalent(actor, input.caseworkerId, input.seenFte, input.fte);
			return 'ok' in outcome ? { fteSaved: input.caseworkerId } : refuse({ ...outcome, field: 'fte' });
		},
		{ roles: ['lead'] }
	)
};
