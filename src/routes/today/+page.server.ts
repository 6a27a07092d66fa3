import { formatDate, formatDateTime } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { workQueue, workQueueHref } from '$lib/server/cases/work-queue';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requireRole('caseworker', 'lead');
	const groups = await workQueue(actor);
	return {
		groups: groups.map(({ group, total, items }) => ({
			group,
			total,
			items: items.map((item) => ({
				participantId: item.participantId,
				name: `${item.givenName} ${item.familyName}`,
				href: workQueueHref(group, item),
				when: item.at === null ? null : formatDateTime(locals.locale, item.at),
				day: item.day === null ? null : formatDate(locals.locale, item.day),
				overdue: item.overdue
			}))
		}))
	};
};
