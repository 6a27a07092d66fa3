import { eq } from 'drizzle-orm';
import { db } from '../db';
import { consentEvents, organisations, participants, users } from '../db/schema';
import type { ConsentWithState } from './state';

/**
 * A consent receipt with the fields of the Kantara Consent Receipt (v1.1) and the record fields of
 * ISO/IEC TS 27560 (record id, principal, controller, purpose, data categories, recipients, validity,
 * how it was given, notice version and language, and the state over time).
 */
export async function receiptOf(consent: ConsentWithState) {
	const [owner] = await db
		.select({ participantId: participants.id, organisation: organisations.name, organisationId: organisations.id })
		.from(participants)
		.innerJoin(organisations, eq(participants.organisationId, organisations.id))
		.where(eq(participants.id, consent.participantId));
	const events = await db
		.select({ state: consentEvents.state, at: consentEvents.at, reason: consentEvents.reason, actorRole: users.role })
		.from(consentEvents)
		.leftJoin(users, eq(consentEvents.actorId, users.id))
		.where(eq(consentEvents.consentId, consent.id))
		.orderBy(consentEvents.id);
	return {
		version: 'KI-CR-v1.1.0',
		schema: 'ISO/IEC TS 27560:2023 consent record',
		jurisdiction: 'DE-BW',
		consentReceiptID: consent.id,
		consentTimestamp: Math.floor(consent.validFrom.getTime() / 1000),
		collectionMethod:
			consent.givenVia === 'app' ? 'in the Tandem app, by the participant' : 'on paper, recorded by staff',
		language: consent.noticeLocale,
		notice: { version: consent.noticeVersion, language: consent.noticeLocale },
		piiPrincipalId: consent.participantId,
		piiControllers: [{ piiController: owner.organisation, onBehalf: false, contact: owner.organisation }],
		policyUrl: '/my-data',
		legalBasis:
			'consent (GDPR Art. 6(1)(a), Art. 9(2)(a)); case work itself rests on the public task, not on this consent',
		services: [
			{
				service: 'Tandem integration management',
				purposes: [
					{
						purpose: consent.purpose,
						purposeCategory: ['support by a third party chosen by the person'],
						consentType: 'EXPLICIT',
						piiCategory: consent.scopes,
						primaryPurpose: false,
						termination: `ends ${consent.validUntil.toISOString()}, or earlier when withdrawn`,
						thirdPartyDisclosure: true,
						thirdPartyName: consent.granteeName,
						thirdPartyKind: consent.granteeKind
					}
				]
			}
		],
		sensitive: true,
		validity: { from: consent.validFrom.toISOString(), until: consent.validUntil.toISOString() },
		renews: consent.renews,
		state: { current: consent.state, since: consent.stateAt.toISOString() },
		history: events.map((e) => ({
			state: e.state,
			at: e.at.toISOString(),
			byRole: e.actorRole,
			reason: e.reason || undefined
		}))
	};
}
