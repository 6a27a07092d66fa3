import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { issueInvitation } from '$lib/server/invitations';
import { openParticipant } from '$lib/server/participants';
import { canIssueInvitation } from '$lib/server/policy';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const actor = requireRole('caseworker', 'lead');
	const { participant, hasAccount } = await openParticipant(actor, params.id);
	if (!(await canIssueInvitation(actor, params.id))) error(404, 'error.not_found');
	return {
		id: participant.id,
		name: `${participant.givenName} ${participant.familyName}`,
		hasAccount,
		language: participant.language
	};
};

export const actions: Actions = {
	default: async ({ params, url, locals }) => {
		const actor = requireRole('caseworker', 'lead');
		const { code, expiresAt } = await issueInvitation(actor, params.id);
		const link = `${url.origin}/activate?code=${code}`;
		// Rendered on the server as SVG: crisp when printed, no QR library in the browser.
		const qrSvg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
		return { code, link, qrSvg, expires: formatDateTime(locals.locale, expiresAt) };
	}
};
