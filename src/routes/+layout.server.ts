import { MESSAGES } from '$lib/server/i18n';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	// Only the active language's messages travel to the browser.
	messages: MESSAGES[locals.locale],
	user: locals.user === null ? null : { displayName: locals.user.displayName, role: locals.user.role }
});
