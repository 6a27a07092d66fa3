import { formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { issueLetters, lettersStillValid, openImport, peopleToInvite } from '$lib/server/imports/letters';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const actor = requireRole('lead');
	const row = await openImport(actor, params.id);
	const toInvite = await peopleToInvite(actor, params.id);
	return {
		fileName: row.fileName,
		at: formatDateTime(locals.locale, row.createdAt),
		counts: {
			rows: row.rowCount,
			created: row.createdCount,
			duplicates: row.duplicateCount,
			refused: row.refusedCount
		},
		toInvite: toInvite.length,
		stillValid: await lettersStillValid(actor, params.id)
	};
};

export const actions: Actions = {
	// Codes are stored hashed: they exist in readable form only in this answer, so issuing is printing.
	letters: async ({ params, url }) => {
		const actor = requireRole('lead');
		return { letters: await issueLetters(actor, params.id, url.origin) };
	}
};
