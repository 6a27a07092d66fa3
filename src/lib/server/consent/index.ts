import { error } from '@sveltejs/kit';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { ConsentScope, ConsentState } from '$lib/domain';
import type { Locale } from '$lib/i18n/locales';
import { recordAuditIn } from '../audit';
import { db, type Tx } from '../db';
import {
	CHANGED_MEANWHILE,
	exactlyOne,
	isChangedMeanwhile,
	seenOtherState,
	writeIfUnchanged,
	type Seen
} from '../db/conditional';
import { consentEvents, consents, participants } from '../db/schema';
import { generateInvitationCode, hashCode, looksLikeCode, normaliseCode } from '../invitations/code';
import { planChannel, publish } from '../live/bus';
import { canAcceptGrant, caseAccess, forgetStandings, type AccessTo, type Actor } from '../policy';
import { withStates, type ConsentWithState } from './state';

/** Version of the sharing notice the participant reads before granting; recorded with every grant. */
export const NOTICE_VERSION = 'sharing-2026-11';

const DAY = 24 * 60 * 60 * 1000;
const MAX_MONTHS = 24;

export type { ConsentWithState };

export async function consentsOf(access: AccessTo<'consents'>): Promise<ConsentWithState[]> {
	return withStates(
		await db
			.select()
			.from(consents)
			.where(eq(consents.participantId, access.participantId))
			.orderBy(desc(consents.createdAt))
	);
}

/** The volunteers this person shares appointments with now: the only ones who may be asked to go along. */
export async function volunteersSharingAppointments(access: AccessTo<'appointments'>): Promise<string[]> {
	const rows = await db.select().from(consents).where(eq(consents.participantId, access.participantId));
	const sharing = (await withStates(rows)).filter(
		(c) =>
			c.state === 'given' &&
			c.granteeUserId !== null &&
			c.scopes.some((s) => s === 'appointments.read' || s === 'appointments.edit')
	);
	return [...new Set(sharing.map((c) => c.granteeUserId!))];
}

/** Grants a volunteer holds right now, with the participant each is for. */
export async function activeGrantsHeldBy(userId: string, now = new Date()) {
	const rows = await db.select().from(consents).where(eq(consents.granteeUserId, userId));
	const active = (await withStates(rows, now)).filter((c) => c.state === 'given');
	if (active.length === 0) return [];
	const people = await db
		.select({ id: participants.id, givenName: participants.givenName, familyName: participants.familyName })
		.from(participants)
		.where(
			inArray(
				participants.id,
				active.map((c) => c.participantId)
			)
		);
	return active.map((c) => ({ ...c, participant: people.find((p) => p.id === c.participantId)! }));
}

/**
 * Every change of a grant's state raises its version, only if it is still the version that was read: of two
 * withdrawals (or a withdrawal and an acceptance) sent at once, the second rolls back and writes no event.
 */
function bumpConsent(
	tx: Tx,
	consentId: string,
	version: number,
	set: { inviteCodeHash?: null; granteeUserId?: string } = {}
) {
	exactlyOne(
		tx
			.update(consents)
			.set({ ...set, version: sql`${consents.version} + 1` })
			.where(and(eq(consents.id, consentId), eq(consents.version, version)))
			.run()
	);
}

export type ConsentChange =
	{ ok: true; id: string } | { ok: false; reason: 'consent.not_active' | typeof CHANGED_MEANWHILE };

function addEvent(tx: Tx, consentId: string, state: ConsentState, actor: Actor | null, reason = '') {
	tx.insert(consentEvents)
		.values({ consentId, state, actorId: actor?.id ?? null, reason })
		.run();
}

export type GrantRequest = {
	granteeKind: 'volunteer' | 'service';
	granteeName: string;
	purpose: string;
	scopes: ConsentScope[];
	months: number;
	givenVia: 'app' | 'paper';
	paperNote?: string;
	noticeLocale: Locale;
};

/**
 * Records a grant. In the app only the participant grants; on paper a caseworker records it at the
 * participant's request. A volunteer's grant waits for the volunteer to accept it with a one-time code.
 */
export async function grantConsent(
	actor: Actor,
	participantId: string,
	request: GrantRequest,
	renews: { id: string; version: number } | null = null
) {
	const access = await caseAccess(actor, participantId);
	const allowed = request.givenVia === 'app' ? access?.grantInApp : access?.recordPaperConsent;
	if (allowed !== true) error(404, 'error.not_found');
	const months = Math.min(Math.max(1, request.months), MAX_MONTHS);
	const now = new Date();
	const code = request.granteeKind === 'volunteer' && renews === null ? generateInvitationCode() : null;
	const id = crypto.randomUUID();
	// A renewal raises the old grant's version: of two renewals sent at once the second throws ChangedMeanwhile.
	db.transaction((tx) => {
		if (renews !== null) bumpConsent(tx, renews.id, renews.version);
		const previous = renews === null ? undefined : tx.select().from(consents).where(eq(consents.id, renews.id)).get();
		tx.insert(consents)
			.values({
				id,
				participantId,
				granteeKind: request.granteeKind,
				granteeUserId: previous?.granteeUserId ?? null,
				granteeName: request.granteeName,
				purpose: request.purpose,
				scopes: [...new Set(request.scopes)],
				validFrom: now,
				validUntil: new Date(now.getTime() + months * 30 * DAY),
				givenVia: request.givenVia,
				recordedBy: actor.id,
				paperNote: request.paperNote ?? '',
				noticeVersion: NOTICE_VERSION,
				noticeLocale: request.noticeLocale,
				renews: renews?.id ?? null,
				inviteCodeHash: code === null ? null : hashCode(normaliseCode(code))
			})
			.run();
		addEvent(tx, id, code === null ? 'given' : 'pending', actor);
		if (previous !== undefined) addEvent(tx, previous.id, 'renewed', actor);
		recordAuditIn(tx, {
			actor,
			action: renews === null ? 'consent.given' : 'consent.renewed',
			participantId,
			detail: { consentId: id, scopes: request.scopes, grantee: request.granteeName }
		});
	});
	return { id, code };
}

/** The volunteer accepts with the code the participant gave them; from then on the grant is theirs. */
export async function acceptGrant(
	actor: Actor,
	codeInput: string
): Promise<{ ok: true; participantId: string } | { ok: false }> {
	if (!canAcceptGrant(actor)) return { ok: false };
	const code = normaliseCode(codeInput);
	if (!looksLikeCode(code)) return { ok: false };
	const [row] = await db
		.select()
		.from(consents)
		.where(eq(consents.inviteCodeHash, hashCode(code)));
	if (row === undefined) return { ok: false };
	const [withState] = await withStates([row]);
	if (withState.state !== 'pending' || row.validUntil <= new Date()) return { ok: false };
	const written = writeIfUnchanged((tx) => {
		bumpConsent(tx, row.id, row.version, { granteeUserId: actor.id, inviteCodeHash: null });
		addEvent(tx, row.id, 'given', actor);
		recordAuditIn(tx, {
			actor,
			action: 'consent.accepted',
			participantId: row.participantId,
			detail: { consentId: row.id }
		});
	});
	return written.ok ? { ok: true, participantId: row.participantId } : { ok: false };
}

async function consentOf(participantId: string, consentId: string): Promise<ConsentWithState> {
	const [row] = await db
		.select()
		.from(consents)
		.where(and(eq(consents.id, consentId), eq(consents.participantId, participantId)));
	if (row === undefined) error(404, 'error.not_found');
	return (await withStates([row]))[0];
}

/** One tap by the participant; effective on the volunteer's very next request. */
export async function withdrawConsent(
	actor: Actor,
	participantId: string,
	consentId: string,
	seen?: Seen
): Promise<ConsentChange> {
	if ((await caseAccess(actor, participantId))?.withdrawConsent !== true) error(404, 'error.not_found');
	const consent = await consentOf(participantId, consentId);
	if (seenOtherState({ status: consent.state, version: consent.version }, seen)) {
		return { ok: false, reason: CHANGED_MEANWHILE };
	}
	if (consent.state !== 'given' && consent.state !== 'pending') return { ok: false, reason: 'consent.not_active' };
	const written = writeIfUnchanged((tx) => {
		bumpConsent(tx, consentId, consent.version, consent.state === 'pending' ? { inviteCodeHash: null } : {});
		addEvent(tx, consentId, 'withdrawn', actor);
		recordAuditIn(tx, { actor, action: 'consent.withdrawn', participantId, detail: { consentId } });
	});
	if (!written.ok) return written;
	// Open live pages re-check their access at once and close if it is gone.
	forgetStandings();
	publish(planChannel(participantId), { type: 'access' });
	return { ok: true, id: consentId };
}

/** Staff end a grant, with a reason the participant can read. */
export async function revokeConsent(
	actor: Actor,
	participantId: string,
	consentId: string,
	reason: string,
	seen?: Seen
): Promise<ConsentChange> {
	if ((await caseAccess(actor, participantId))?.revokeConsent !== true) error(404, 'error.not_found');
	const consent = await consentOf(participantId, consentId);
	if (seenOtherState({ status: consent.state, version: consent.version }, seen)) {
		return { ok: false, reason: CHANGED_MEANWHILE };
	}
	if (consent.state !== 'given' && consent.state !== 'pending') return { ok: false, reason: 'consent.not_active' };
	const written = writeIfUnchanged((tx) => {
		bumpConsent(tx, consentId, consent.version, consent.state === 'pending' ? { inviteCodeHash: null } : {});
		addEvent(tx, consentId, 'revoked', actor, reason);
		recordAuditIn(tx, { actor, action: 'consent.revoked', participantId, detail: { consentId, reason } });
	});
	if (!written.ok) return written;
	forgetStandings();
	publish(planChannel(participantId), { type: 'access' });
	return { ok: true, id: consentId };
}

/** Renewing is one tap: the same grantee and scopes for the same length of time, as a new record. */
export async function renewConsent(
	actor: Actor,
	participantId: string,
	consentId: string,
	seen?: Seen
): Promise<ConsentChange> {
	if ((await caseAccess(actor, participantId))?.grantInApp !== true) error(404, 'error.not_found');
	const consent = await consentOf(participantId, consentId);
	if (seenOtherState({ status: consent.state, version: consent.version }, seen)) {
		return { ok: false, reason: CHANGED_MEANWHILE };
	}
	if (consent.state !== 'given' && consent.state !== 'expired') return { ok: false, reason: 'consent.not_active' };
	const months = Math.round((consent.validUntil.getTime() - consent.validFrom.getTime()) / (30 * DAY));
	try {
		const { id } = await grantConsent(
			actor,
			participantId,
			{
				granteeKind: consent.granteeKind,
				granteeName: consent.granteeName,
				purpose: consent.purpose,
				scopes: consent.scopes,
				months,
				givenVia: 'app',
				noticeLocale: consent.noticeLocale
			},
			{ id: consent.id, version: consent.version }
		);
		return { ok: true, id };
	} catch (e) {
		if (isChangedMeanwhile(e)) return { ok: false, reason: CHANGED_MEANWHILE };
		throw e;
	}
}

/** Grants that end within a week: the participant and the volunteer are told in the app. */
export function endingSoon<T extends { state: ConsentState; validUntil: Date }>(grants: T[], now = new Date()): T[] {
	return grants.filter((g) => g.state === 'given' && g.validUntil.getTime() - now.getTime() <= 7 * DAY);
}

/** What a volunteer is about to accept: who trusts them with what, until when. */
export async function findPendingGrant(codeInput: string) {
	const code = normaliseCode(codeInput);
	if (!looksLikeCode(code)) return null;
	const [row] = await db
		.select()
		.from(consents)
		.where(eq(consents.inviteCodeHash, hashCode(code)));
	if (row === undefined) return null;
	const [withState] = await withStates([row]);
	if (withState.state !== 'pending' || row.validUntil <= new Date()) return null;
	const [person] = await db
		.select({ givenName: participants.givenName })
		.from(participants)
		.where(eq(participants.id, row.participantId));
	return { ...withState, participantGivenName: person.givenName };
}
