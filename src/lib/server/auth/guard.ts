import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { Role } from '$lib/domain';
import { ownData, type Actor, type FullAccess } from '../policy';

/** The signed-in actor, or a redirect to sign-in that comes back here afterwards. */
export function requireActor(): Actor {
	const { locals, url } = getRequestEvent();
	if (locals.user === null) {
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	const { id, role, organisationId, participantId } = locals.user;
	return { id, role, organisationId, participantId };
}

/** As requireActor, for pages only some roles have; others get the same 404 as a missing page. */
export function requireRole(...roles: Role[]): Actor {
	const actor = requireActor();
	if (!roles.includes(actor.role)) error(404, 'error.not_found');
	return actor;
}

/** A participant's own pages ("my data", home): the participant and the access to their own record, or 404. */
export async function requireOwnData(): Promise<{ actor: Actor; access: FullAccess }> {
	const actor = requireRole('participant');
	const access = await ownData(actor);
	if (access === null) error(404, 'error.not_found');
	return { actor, access };
}

export function homePathFor(role: Role): string {
	switch (role) {
		case 'participant':
			return '/home';
		case 'caseworker':
			// The work queue: what needs doing today; the caseload is one click away.
			return '/today';
		case 'lead':
			return '/caseload';
		case 'volunteer':
			return '/helping';
		case 'admin':
			return '/admin/users';
		case 'coordinator':
			return '/reports';
	}
}
