import { error } from '@sveltejs/kit';
import { CURSOR_PARAM, pagerOf } from '$lib/pagination';
import { recordAudit } from '$lib/server/audit';
import { requireActor } from '$lib/server/auth/guard';
import { reportRequestOf } from '$lib/server/figures/page';
import { figureLabel, recordViews } from '$lib/server/figures/record-view';
import { figureRecords } from '$lib/server/figures/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const actor = requireActor();
	const request = await reportRequestOf(actor, url, locals.locale);
	const figure = url.searchParams.get('figure') ?? '';
	const key = url.searchParams.get('key') || null;
	const page = await figureRecords(request.access, request.period, figure, key, url.searchParams.get(CURSOR_PARAM));
	// The coordinator (aggregates only), an unknown figure or part: the same 404 as a page that does not exist.
	if (page === null) error(404, 'error.not_found');
	await recordAudit({
		actor,
		action: 'report.drilled_down',
		detail: {
			figure,
			key,
			scope: request.access.scope,
			period: request.period,
			shown: [...new Set(page.rows.map((r) => r.participantId))]
		}
	});
	const back = new URLSearchParams(url.searchParams);
	for (const name of ['figure', 'key', CURSOR_PARAM]) back.delete(name);
	return {
		figure: figureLabel(figure, key),
		periodLabel: request.periodLabel,
		records: recordViews(page.rows, locals.locale),
		pager: pagerOf(page),
		hidden: page.hidden,
		back: `/reports?${back}`
	};
};
