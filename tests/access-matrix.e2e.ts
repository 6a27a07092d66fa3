import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { DEMO_PASSWORD } from './helpers';

// Every route that touches one participant's data (Amina's), for every kind of actor. Anything not granted
// must answer 404 — the same as for an id that does not exist, so nothing leaks.
const ACTORS = [
	'participant',
	'participant.fa',
	'caseworker',
	'caseworker3',
	'caseworker2',
	'lead',
	'admin',
	'volunteer',
	'volunteer2'
] as const;
type ActorName = (typeof ACTORS)[number];

// `ownPage`: the person herself is sent to her own page for it (303) rather than the staff view.
const ROUTES: { path: (id: string) => string; allowed: ActorName[]; ownPage?: true }[] = [
	{ path: (id) => `/participants/${id}`, allowed: ['caseworker', 'lead'] },
	{ path: (id) => `/participants/${id}/invitation`, allowed: ['caseworker', 'lead'] },
	{ path: (id) => `/participants/${id}/plan`, allowed: ['participant', 'caseworker', 'lead', 'volunteer'] },
	{ path: (id) => `/participants/${id}/plan/goals/new`, allowed: ['participant', 'caseworker', 'lead'] },
	{ path: (id) => `/participants/${id}/plan/review`, allowed: ['caseworker', 'lead'] },
	{ path: (id) => `/participants/${id}/plan/versions`, allowed: ['participant', 'caseworker', 'lead', 'volunteer'] },
	{ path: (id) => `/participants/${id}/plan/print`, allowed: ['participant', 'caseworker', 'lead', 'volunteer'] },
	{ path: (id) => `/helping/${id}`, allowed: ['volunteer'] },
	// Amina shares no document category with the volunteer: her documents stay closed to him.
	{ path: (id) => `/participants/${id}/documents`, allowed: ['participant', 'caseworker', 'lead'] },
	// Case work is the professionals' record: never a volunteer's, and the person reads hers at /my-case.
	...['case', 'contacts/new', 'assessment', 'referrals', 'notes'].map((part) => ({
		path: (id: string) => `/participants/${id}/${part}`,
		allowed: ['caseworker', 'lead'] as ActorName[]
	})),
	{ path: (id) => `/participants/${id}/contacts`, allowed: ['caseworker', 'lead'], ownPage: true }
];

async function signedIn(baseURL: string, username: string): Promise<APIRequestContext> {
	const context = await request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL } });
	const response = await context.post('/login', {
		form: { username, password: DEMO_PASSWORD },
		headers: { accept: 'text/html' },
		maxRedirects: 0
	});
	expect(response.status(), `sign-in as ${username}`).toBe(303);
	return context;
}

test('only the granted actors reach a participant’s pages; everyone else gets not found', async ({ baseURL }) => {
	const amina = await signedIn(baseURL!, 'participant');
	const location = (await amina.get('/plan', { maxRedirects: 0 })).headers()['location'];
	const id = location.split('/')[2];
	const unknownId = crypto.randomUUID();

	const results: string[] = [];
	for (const actor of ACTORS) {
		const context = actor === 'participant' ? amina : await signedIn(baseURL!, actor);
		for (const route of ROUTES) {
			const expected = route.allowed.includes(actor) ? 200 : route.ownPage && actor === 'participant' ? 303 : 404;
			const status = (await context.get(route.path(id), { maxRedirects: 0 })).status();
			if (status !== expected) results.push(`${actor} ${route.path(id)}: ${status}, expected ${expected}`);
			// An id that does not exist answers exactly like one that is not yours.
			const unknown = (await context.get(route.path(unknownId), { maxRedirects: 0 })).status();
			if (unknown !== 404) results.push(`${actor} ${route.path(unknownId)}: ${unknown}, expected 404`);
		}
	}
	expect(results).toEqual([]);
});
