import { formatDate } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { activeGrantsHeldBy, endingSoon } from '$lib/server/consent';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireRole('volunteer');
	const grants = await activeGrantsHeldBy(actor.id);
	const soon = new Set(endingSoon(grants).map((g) => g.id));
	return {
		people: grants.map((g) => ({
			consentId: g.id,
			participantId: g.participantId,
			name: `${g.participant.givenName} ${g.participant.familyName}`,
			purpose: g.purpose,
			scopes: g.scopes,
			until: formatDate(locals.locale, g.validUntil),
			endingSoon: soon.has(g.id)
		}))
	};
};
