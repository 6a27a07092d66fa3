import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { formatDate } from '$lib/i18n/format';
import { recordAudit } from '$lib/server/audit';
import { requireRole } from '$lib/server/auth/guard';
import { activeGrantsHeldBy } from '$lib/server/consent';
import { db } from '$lib/server/db';
import { participants } from '$lib/server/db/schema';
import { canReadContact, scopesOf } from '$lib/server/policy';
import type { PageServerLoad } from './$types';

/** A volunteer's view of one person: only what that person shared with them, only while it lasts. */
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const actor = requireRole('volunteer');
	const scopes = await scopesOf(actor, params.participantId);
	if (scopes.size === 0) error(404, 'error.not_found');
	const [person] = await db.select().from(participants).where(eq(participants.id, params.participantId));
	if (person === undefined) error(404, 'error.not_found');
	const showContact = await canReadContact(actor, params.participantId);
	await recordAudit({
		actor,
		action: 'participant.viewed',
		participantId: person.id,
		detail: { as: 'volunteer', contact: showContact }
	});
	const grants = (await activeGrantsHeldBy(actor.id)).filter((g) => g.participantId === person.id);
	return {
		welcome: url.searchParams.has('welcome'),
		participantId: person.id,
		name: `${person.givenName} ${person.familyName}`,
		contact: showContact ? { phone: person.phone, email: person.email, address: person.address } : null,
		canSeePlan: scopes.has('plan.read') || scopes.has('plan.edit'),
		canSeeAppointments: scopes.has('appointments.read') || scopes.has('appointments.edit'),
		canSeeDocuments: [...scopes].some((s) => s.startsWith('documents.read.')),
		scopes: [...scopes],
		until:
			grants.length === 0
				? null
				: formatDate(locals.locale, new Date(Math.max(...grants.map((g) => g.validUntil.getTime()))))
	};
};
