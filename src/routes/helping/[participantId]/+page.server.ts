import { error } from '@sveltejs/kit';
import { formatDate } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { activeGrantsHeldBy } from '$lib/server/consent';
import { helpedPerson } from '$lib/server/participants';
import { helpingAccess } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

/** A volunteer's view of one person: only what that person shared with them, only while it lasts. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireRole('volunteer');
	const access = await helpingAccess(actor, params.participantId);
	if (access === null) error(404, 'error.not_found');
	const person = await helpedPerson(access);
	const grants = (await activeGrantsHeldBy(actor.id)).filter((g) => g.participantId === access.participantId);
	return {
		welcome: url.searchParams.has('welcome'),
		participantId: access.participantId,
		name: person.name,
		contact: person.contact,
		canSeePlan: access.seePlan,
		canSeeAppointments: access.seeAppointments,
		canSeeDocuments: access.seeDocuments,
		scopes: [...access.scopes],
		until:
			grants.length === 0
				? null
				: formatDate(locals.locale, new Date(Math.max(...grants.map((g) => g.validUntil.getTime()))))
	};
};
