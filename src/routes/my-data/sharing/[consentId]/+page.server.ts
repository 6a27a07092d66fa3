import { error } from '@sveltejs/kit';
import { requireOwnData } from '$lib/server/auth/guard';
import { consentsOf } from '$lib/server/consent';
import { receiptOf } from '$lib/server/consent/receipt';
import { consentView } from '$lib/server/consent/view';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const { access } = await requireOwnData();
	const consent = (await consentsOf(access)).find((c) => c.id === params.consentId);
	if (consent === undefined) error(404, 'error.not_found');
	const receipt = await receiptOf(consent);
	return {
		consent: consentView(consent, locals.locale),
		controller: receipt.piiControllers[0].piiController,
		noticeVersion: consent.noticeVersion
	};
};
