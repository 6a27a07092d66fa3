import type { LayoutServerLoad } from './$types';

// Data only: the messages are a file of their own (see +layout.ts), never part of a page or a live update.
export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	user: locals.user === null ? null : { displayName: locals.user.displayName, role: locals.user.role }
});
