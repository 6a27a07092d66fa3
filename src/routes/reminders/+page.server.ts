import { redirect } from '@sveltejs/kit';
import * as v from 'valibot';
import { formatDate } from '$lib/i18n/format';
import { requireRole } from '$lib/server/auth/guard';
import { sameSiteReferrerPath } from '$lib/server/auth/redirect';
import { currentFeed, newFeed, stopFeed } from '$lib/server/appointments/feed';
import { readFormData } from '$lib/server/form-action';
import { translatorFor } from '$lib/server/i18n';
import { parseForm } from '$lib/server/forms';
import { ownData } from '$lib/server/policy';
import { pushToUser, subscriptionCount, vapidKeys } from '$lib/server/push';
import { dismissReminder, offsetsOf, REMINDER_OFFSETS, remindersFor, saveOffsets } from '$lib/server/reminders';
import type { Actions, PageServerLoad } from './$types';

/** Reminders are for the people who have appointments and papers: participants, and volunteers going along. */
const who = () => requireRole('participant', 'volunteer');

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = who();
	const own = await ownData(actor);
	const feed = own === null ? null : await currentFeed(own);
	return {
		reminders: await remindersFor(actor.id, locals.locale),
		offsets: [...(await offsetsOf(actor.id))],
		// Volunteers are reminded of appointments they go along to, not of someone's papers.
		choices:
			actor.role === 'participant'
				? [...REMINDER_OFFSETS.appointment, ...REMINDER_OFFSETS.document]
				: [...REMINDER_OFFSETS.appointment],
		pushKey: vapidKeys().publicKey,
		devices: await subscriptionCount(actor.id),
		feed:
			own === null
				? null
				: feed === null
					? { active: false as const }
					: { active: true as const, since: formatDate(locals.locale, feed.createdAt) },
		done: ['saved', 'test_sent', 'feed_stopped'].includes(url.searchParams.get('done') ?? '')
			? url.searchParams.get('done')
			: null
	};
};

const settingsSchema = v.object({
	offsets: v.pipe(
		v.optional(v.union([v.string(), v.array(v.string())]), []),
		v.transform((value) => (Array.isArray(value) ? value : [value]))
	)
});

export const actions: Actions = {
	dismiss: async ({ request, url }) => {
		const actor = who();
		const id = Number((await readFormData(request)).get('id'));
		if (Number.isInteger(id) && id > 0) await dismissReminder(actor.id, id);
		// Back where the list was shown (home, appointments), if that is one of ours.
		redirect(303, sameSiteReferrerPath(request.headers.get('referer'), url.origin) ?? '/reminders');
	},
	settings: async ({ request }) => {
		const actor = who();
		const parsed = parseForm(settingsSchema, await readFormData(request));
		if (!parsed.ok) return parsed.failure;
		await saveOffsets(actor.id, parsed.output.offsets);
		redirect(303, '/reminders?done=saved');
	},
	test: async ({ locals }) => {
		const actor = who();
		const t = translatorFor(locals.locale);
		await pushToUser(actor.id, {
			title: t('reminders.push_test_title'),
			body: t('reminders.push_test_body'),
			url: '/reminders',
			tag: 'test'
		});
		redirect(303, '/reminders?done=test_sent');
	},
	feed: async ({ url }) => {
		const actor = requireRole('participant');
		if (actor.participantId === null) redirect(303, '/reminders');
		const token = newFeed(actor, actor.participantId);
		// Shown once, in this answer only: it is not stored anywhere it could be read back.
		return { feedUrl: `${url.origin}/calendar/${token}` };
	},
	stop_feed: async () => {
		const actor = requireRole('participant');
		if (actor.participantId !== null) stopFeed(actor, actor.participantId);
		redirect(303, '/reminders?done=feed_stopped');
	}
};
