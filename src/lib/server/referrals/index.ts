import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { ReferralStatus } from '$lib/casework';
import { recordAudit, recordAuditIn } from '../audit';
import { acceptsCaseWork, caseOfIn } from '../cases/rows';
import { currentState } from '../consent/state';
import { db, type Tx } from '../db';
import { CHANGED_MEANWHILE, exactlyOne, seenOtherState, writeIfUnchanged, type Seen } from '../db/conditional';
import { keysetPage } from '../db/keyset';
import { caseEvents, consentEvents, consents, referrals, services } from '../db/schema';
import { byOther, type CaseWorkAccess } from '../policy';
import { directoryCountiesForParticipant } from './directory';

/** made → accepted → attended / failed; a referral can also fail before the service accepted it. */
export const REFERRAL_TRANSITIONS: Record<ReferralStatus, readonly ReferralStatus[]> = {
	made: ['accepted', 'failed'],
	accepted: ['attended', 'failed'],
	attended: [],
	failed: []
};

export type ReferralRefusal =
	| 'referrals.case_closed'
	| 'referrals.service_unknown'
	| 'referrals.needs_consent'
	| 'referrals.transition_refused'
	| typeof CHANGED_MEANWHILE;
export type ReferralOutcome = { ok: true; id: string } | { ok: false; reason: ReferralRefusal };

/** A person's referrals, newest first, 50 at a time, with the service's name as the directory has it now. */
export async function referralsPage(access: CaseWorkAccess, cursor: string | null) {
	const where = eq(referrals.participantId, access.participantId);
	const page = await keysetPage({
		list: `referrals:${access.participantId}`,
		cursor,
		descending: true,
		columns: [referrals.madeAt, referrals.id],
		keyOf: (r: { madeAt: Date; id: string }) => [r.madeAt.getTime(), r.id],
		rows: (key, orderBy, limit) =>
			db
				.select({
					id: referrals.id,
					target: referrals.target,
					status: referrals.status,
					sharesData: referrals.sharesData,
					note: referrals.note,
					madeAt: referrals.madeAt,
					statusChangedAt: referrals.statusChangedAt,
					version: referrals.version,
					serviceName: services.name,
					servicePhone: services.phone,
					serviceAddress: services.address
				})
				.from(referrals)
				.innerJoin(services, eq(services.id, referrals.serviceId))
				.where(and(where, key))
				.orderBy(...orderBy)
				.limit(limit),
		count: async () => (await db.select({ n: count() }).from(referrals).where(where))[0].n
	});
	if (byOther(access)) {
		await recordAudit({ actor: access.actor, action: 'referrals.viewed', participantId: access.participantId });
	}
	return page;
}

/**
 * The person's consent, given now, that names this service (§ 203 StGB: a specific consent naming the
 * recipient). Names are compared as the directory and the consent record spell them, ignoring case and spaces.
 * Read in the referral's transaction, so a consent withdrawn meanwhile cannot carry a new referral.
 */
function consentNamingIn(tx: Tx, participantId: string, serviceName: string, now = new Date()): string | null {
	const wanted = normaliseName(serviceName);
	const named = tx
		.select()
		.from(consents)
		.where(and(eq(consents.participantId, participantId), eq(consents.granteeKind, 'service')))
		.all()
		.filter((c) => normaliseName(c.granteeName) === wanted);
	if (named.length === 0) return null;
	const events = tx
		.select()
		.from(consentEvents)
		.where(
			inArray(
				consentEvents.consentId,
				named.map((c) => c.id)
			)
		)
		.orderBy(desc(consentEvents.id))
		.all();
	for (const consent of named) {
		const last = events.find((e) => e.consentId === consent.id);
		if (last !== undefined && currentState(consent, last, now).state === 'given') return consent.id;
	}
	return null;
}

export function normaliseName(name: string): string {
	return name.toLocaleLowerCase('de').replace(/\s+/g, ' ').trim();
}

export async function makeReferral(
	access: CaseWorkAccess,
	input: { serviceId: string; sharesData: boolean; note: string }
): Promise<ReferralOutcome> {
	if (!access.recordWork) return { ok: false, reason: 'referrals.service_unknown' };
	const counties = await directoryCountiesForParticipant(access.participantId);
	const id = crypto.randomUUID();
	const refusal = db.transaction((tx): ReferralRefusal | null => {
		const service = tx.select().from(services).where(eq(services.id, input.serviceId)).get();
		if (service === undefined || !service.active || !counties.includes(service.countyId)) {
			return 'referrals.service_unknown';
		}
		const row = caseOfIn(tx, access.participantId);
		if (!acceptsCaseWork(row)) return 'referrals.case_closed';
		const consentId = input.sharesData ? consentNamingIn(tx, access.participantId, service.name) : null;
		if (input.sharesData && consentId === null) return 'referrals.needs_consent';
		tx.insert(referrals)
			.values({
				id,
				participantId: access.participantId,
				caseId: row.id,
				serviceId: service.id,
				target: service.target,
				sharesData: input.sharesData,
				consentId,
				note: input.note,
				madeBy: access.actor.id
			})
			.run();
		tx.insert(caseEvents)
			.values({
				caseId: row.id,
				kind: 'referral_changed',
				actorId: access.actor.id,
				detail: { referralId: id, target: service.target, to: 'made' }
			})
			.run();
		recordAuditIn(tx, {
			actor: access.actor,
			action: 'referral.made',
			participantId: access.participantId,
			detail: { referralId: id, serviceId: service.id, target: service.target, consentId }
		});
		return null;
	});
	return refusal === null ? { ok: true, id } : { ok: false, reason: refusal };
}

/** Moves a referral on, only from the status and version the caseworker saw: two taps at once give one change. */
export async function changeReferralStatus(
	access: CaseWorkAccess,
	referralId: string,
	to: ReferralStatus,
	seen: Seen
): Promise<ReferralOutcome> {
	if (!access.recordWork) return { ok: false, reason: 'referrals.transition_refused' };
	const [row] = await db
		.select()
		.from(referrals)
		.where(and(eq(referrals.id, referralId), eq(referrals.participantId, access.participantId)));
	if (row === undefined) return { ok: false, reason: 'referrals.transition_refused' };
	if (seenOtherState(row, seen)) return { ok: false, reason: CHANGED_MEANWHILE };
	if (!REFERRAL_TRANSITIONS[row.status].includes(to)) return { ok: false, reason: 'referrals.transition_refused' };
	const written = writeIfUnchanged((tx) => {
		const now = new Date();
		exactlyOne(
			tx
				.update(referrals)
				.set({ status: to, statusChangedAt: now, updatedAt: now, version: row.version + 1 })
				.where(and(eq(referrals.id, row.id), eq(referrals.status, row.status), eq(referrals.version, row.version)))
				.run()
		);
		tx.insert(caseEvents)
			.values({
				caseId: row.caseId,
				kind: 'referral_changed',
				actorId: access.actor.id,
				detail: { referralId: row.id, target: row.target, from: row.status, to }
			})
			.run();
		recordAuditIn(tx, {
			actor: access.actor,
			action: 'referral.status_changed',
			participantId: access.participantId,
			detail: { referralId: row.id, from: row.status, to }
		});
	});
	return written.ok ? { ok: true, id: row.id } : written;
}
