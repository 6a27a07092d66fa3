import { error, json } from '@sveltejs/kit';
import { requireOwnData } from '$lib/server/auth/guard';
import { consentsOf } from '$lib/server/consent';
import { receiptOf } from '$lib/server/consent/receipt';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const { access } = await requireOwnData();
	const consent = (await consentsOf(access)).find((c) => c.id === params.consentId);
	if (consent === undefined) error(404, 'error.not_found');
	return json(await receiptOf(consent), {
		headers: {
			'content-disposition': `attachment; filename="consent-receipt-${consent.id}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
