import { and, eq, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { getRequestEvent } from '$app/server';
import type { ConsentScope } from '$lib/domain';
import { consentedScopes } from '../consent/state';
import { db } from '../db';
import { preparedOnce } from '../db/prepared';
import { assignments, covers, participants } from '../db/schema';
import { dayInGermany } from '$lib/i18n/format';
import type { Actor, Relation } from './access';

/** How an actor stands to one participant: the relation, and for a volunteer the scopes consented now. */
export type Standing = { relation: Relation | null; scopes: ReadonlySet<ConsentScope> };
export type StandingMemo = Map<string, Promise<Standing>>;

const NONE: ReadonlySet<ConsentScope> = new Set();

// Asked on nearly every staff request.
const assignedNow = preparedOnce(() =>
	db
		.select({ id: assignments.id })
		.from(assignments)
		.where(
			and(
				eq(assignments.participantId, sql.placeholder('participantId')),
				eq(assignments.caseworkerId, sql.placeholder('caseworkerId')),
				isNull(assignments.endedAt)
			)
		)
		.prepare()
);
const inOrganisation = preparedOnce(() =>
	db
		.select({ id: participants.id })
		.from(participants)
		.where(
			and(
				eq(participants.id, sql.placeholder('participantId')),
				eq(participants.organisationId, sql.placeholder('organisationId'))
			)
		)
		.prepare()
);

// A cover is read on the day it applies: it starts and ends by itself, with no job to switch it.
const coveringNow = preparedOnce(() =>
	db
		.select({ id: covers.id })
		.from(covers)
		.innerJoin(
			assignments,
			and(eq(assignments.participantId, sql.placeholder('participantId')), isNull(assignments.endedAt))
		)
		.where(
			and(
				eq(covers.coverId, sql.placeholder('coverId')),
				eq(covers.absentId, assignments.caseworkerId),
				or(isNull(covers.participantId), eq(covers.participantId, assignments.participantId)),
				lte(covers.startsOn, sql.placeholder('today')),
				gte(covers.endsOn, sql.placeholder('today')),
				isNull(covers.endedAt)
			)
		)
		.limit(1)
		.prepare()
);

/**
 * - participant: own data only
 * - caseworker: participants currently assigned to them, and those of a colleague they cover for today
 * - team lead: participants of their own organisation
 * - admin: no case data (runs the installation, not cases)
 * - county coordinator: no case data (the county's figures, aggregated, and nothing of any one person)
 * - volunteer: only while the participant's consent is active, and then only its scopes
 */
async function computeStanding(actor: Actor, participantId: string): Promise<Standing> {
	switch (actor.role) {
		case 'participant':
			return {
				relation: actor.participantId !== null && actor.participantId === participantId ? 'self' : null,
				scopes: NONE
			};
		case 'caseworker': {
			if (assignedNow().get({ participantId, caseworkerId: actor.id }) !== undefined) {
				return { relation: 'assigned_caseworker', scopes: NONE };
			}
			const covering = coveringNow().get({ participantId, coverId: actor.id, today: dayInGermany() });
			return { relation: covering === undefined ? null : 'covering_caseworker', scopes: NONE };
		}
		case 'lead': {
			if (actor.organisationId === null) return { relation: null, scopes: NONE };
			const row = inOrganisation().get({ participantId, organisationId: actor.organisationId });
			return { relation: row === undefined ? null : 'organisation_lead', scopes: NONE };
		}
		case 'volunteer': {
			const scopes = await consentedScopes(actor.id, participantId);
			return { relation: scopes.size > 0 ? 'consented_volunteer' : null, scopes };
		}
		case 'admin':
		case 'coordinator':
			return { relation: null, scopes: NONE };
	}
}

/** The memo of the request being answered; none outside a request (tests, the reminder clock). */
function requestMemo(): StandingMemo | null {
	let locals: App.Locals;
	try {
		locals = getRequestEvent().locals;
	} catch {
		return null;
	}
	// Per request, never per process: the answer may change with the next request (a consent withdrawn).
	locals.standings ??= new Map();
	return locals.standings;
}

/** One query per actor and participant in a request, however many pages parts and checks ask. */
export function standingIn(memo: StandingMemo | null, actor: Actor, participantId: string): Promise<Standing> {
	if (memo === null) return computeStanding(actor, participantId);
	const key = `${actor.id}\u0000${actor.role}\u0000${participantId}`;
	let standing = memo.get(key);
	if (standing === undefined) {
		standing = computeStanding(actor, participantId);
		memo.set(key, standing);
	}
	return standing;
}

export function standingOf(actor: Actor, participantId: string): Promise<Standing> {
	return standingIn(requestMemo(), actor, participantId);
}

/**
 * Forgets this request's answers: after a write that changes who may see what (a consent withdrawn, a case
 * handed over), and before each re-check of a long-lived stream, which runs inside its opening request.
 */
export function forgetStandings(): void {
	requestMemo()?.clear();
}

export async function relationTo(actor: Actor, participantId: string): Promise<Relation | null> {
	return (await standingOf(actor, participantId)).relation;
}
