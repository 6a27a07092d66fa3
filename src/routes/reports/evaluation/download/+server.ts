import { error } from '@sveltejs/kit';
import { requireActor } from '$lib/server/auth/guard';
import { exportEvaluation, offeredYears } from '$lib/server/evaluation';
import { evaluationScopeOf } from '$lib/server/policy';
import type { RequestHandler } from './$types';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const GET: RequestHandler = async ({ url }) => {
	const actor = requireActor();
	const scope = evaluationScopeOf(actor);
	if (scope === null) error(404, 'error.not_found');
	const year = Number(url.searchParams.get('year'));
	if (!offeredYears().includes(year)) error(400, 'evaluation.year_invalid');
	const file = await exportEvaluation(actor, scope, year);
	return new Response(new Uint8Array(file), {
		headers: {
			'content-type': XLSX,
			'content-disposition': `attachment; filename="tandem-auswertung-${year}.xlsx"`,
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
