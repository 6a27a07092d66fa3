import { error } from '@sveltejs/kit';
import QRCode from 'qrcode';
import { requireRole } from '$lib/server/auth/guard';
import { grantConsent } from '$lib/server/consent';
import { grantSchema } from '$lib/server/consent/schema';
import { formAction } from '$lib/server/form-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	requireRole('participant');
};

export const actions: Actions = {
	default: formAction(
		grantSchema,
		async ({ actor, input, event: { locals, url } }) => {
			if (actor.participantId === null) error(404, 'error.not_found');
			const { granteeName, purpose, scopes, months } = input;
			const { code } = await grantConsent(actor, actor.participantId, {
				granteeKind: 'volunteer',
				granteeName,
				purpose,
				scopes,
				months: Number(months),
				givenVia: 'app',
				noticeLocale: locals.locale
			});
			const link = `${url.origin}/join?code=${code}`;
			const qrSvg = await QRCode.toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
			return { code: code!, link, qrSvg, granteeName };
		},
		{ roles: ['participant'] }
	)
};
