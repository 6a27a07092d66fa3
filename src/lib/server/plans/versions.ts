import { error } from '@sveltejs/kit';
import { and, eq, isNull, max } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { planVersions, type PlanVersion } from '../db/schema';
import type { AccessTo, Actor } from '../policy';
import { recordPlanChange } from './history';
import { liveGoals, nextReviewDateOf, openPlan, snapshotOf } from './read';

export type VersionResult = { ok: true; agreed: boolean } | { ok: false; reason: 'empty_plan' | 'already_confirmed' };

async function pendingVersion(participantId: string, versionId: string): Promise<PlanVersion> {
	const [version] = await db
		.select()
		.from(planVersions)
		.where(
			and(
				eq(planVersions.id, versionId),
				eq(planVersions.participantId, participantId),
				isNull(planVersions.agreedAt),
				isNull(planVersions.cancelledAt)
			)
		);
	if (version === undefined) error(404, 'error.not_found');
	return version;
}

/** Staff put the plan as it stands up for agreement; an older pending version is withdrawn. */
export async function proposeVersion(
	actor: Actor,
	participantId: string
): Promise<{ ok: true; id: string } | { ok: false; reason: 'empty_plan' }> {
	const access = await openPlan(actor, participantId);
	if (!access.editPlan) error(404, 'error.not_found');
	const snapshot = snapshotOf(await liveGoals(access), await nextReviewDateOf(access));
	if (snapshot.goals.length === 0) return { ok: false, reason: 'empty_plan' };
	const id = crypto.randomUUID();
	db.transaction((tx) => {
		tx.update(planVersions)
			.set({ cancelledAt: new Date() })
			.where(
				and(
					eq(planVersions.participantId, participantId),
					isNull(planVersions.agreedAt),
					isNull(planVersions.cancelledAt)
				)
			)
			.run();
		const top = tx
			.select({ top: max(planVersions.number) })
			.from(planVersions)
			.where(eq(planVersions.participantId, participantId))
			.get();
		tx.insert(planVersions)
			.values({ id, participantId, number: (top?.top ?? 0) + 1, snapshot, createdBy: actor.id })
			.run();
		recordPlanChange(tx, actor, participantId, 'version.proposed', { detail: { versionId: id } });
	});
	return { ok: true, id };
}

/** Both confirmations present: the version is agreed and, from now on, unchangeable. */
function agreeIfComplete(tx: Tx, actor: Actor, participantId: string, versionId: string): boolean {
	const v = tx.select().from(planVersions).where(eq(planVersions.id, versionId)).get();
	if (v === undefined || v.participantConfirmedAt === null || v.caseworkerConfirmedAt === null) return false;
	tx.update(planVersions).set({ agreedAt: new Date() }).where(eq(planVersions.id, versionId)).run();
	recordPlanChange(tx, actor, participantId, 'version.agreed', { detail: { versionId, number: v.number } });
	return true;
}

/** The participant confirms on their own device. */
export async function confirmAsParticipant(
	actor: Actor,
	participantId: string,
	versionId: string
): Promise<VersionResult> {
	const access = await openPlan(actor, participantId);
	if (!access.confirmAsParticipant) error(404, 'error.not_found');
	const version = await pendingVersion(participantId, versionId);
	if (version.participantConfirmedAt !== null) return { ok: false, reason: 'already_confirmed' };
	const agreed = db.transaction((tx) => {
		tx.update(planVersions)
			.set({ participantConfirmedAt: new Date(), participantConfirmedVia: 'device' })
			.where(eq(planVersions.id, versionId))
			.run();
		recordPlanChange(tx, actor, participantId, 'version.confirmed_by_participant', { detail: { versionId } });
		return agreeIfComplete(tx, actor, participantId, versionId);
	});
	return { ok: true, agreed };
}

/** The participant signed on paper; the caseworker records that, with who recorded it and a note. */
export async function recordPaperConfirmation(
	actor: Actor,
	participantId: string,
	versionId: string,
	note: string
): Promise<VersionResult> {
	const access = await openPlan(actor, participantId);
	if (!access.confirmAsCaseworker) error(404, 'error.not_found');
	const version = await pendingVersion(participantId, versionId);
	if (version.participantConfirmedAt !== null) return { ok: false, reason: 'already_confirmed' };
	const agreed = db.transaction((tx) => {
		tx.update(planVersions)
			.set({
				participantConfirmedAt: new Date(),
				participantConfirmedVia: 'paper',
				paperNote: note,
				paperRecordedBy: actor.id
			})
			.where(eq(planVersions.id, versionId))
			.run();
		recordPlanChange(tx, actor, participantId, 'version.confirmed_on_paper', { detail: { versionId } });
		return agreeIfComplete(tx, actor, participantId, versionId);
	});
	return { ok: true, agreed };
}

export async function confirmAsCaseworker(
	actor: Actor,
	participantId: string,
	versionId: string
): Promise<VersionResult> {
	const access = await openPlan(actor, participantId);
	if (!access.confirmAsCaseworker) error(404, 'error.not_found');
	const version = await pendingVersion(participantId, versionId);
	if (version.caseworkerConfirmedAt !== null) return { ok: false, reason: 'already_confirmed' };
	const agreed = db.transaction((tx) => {
		tx.update(planVersions)
			.set({ caseworkerConfirmedAt: new Date(), caseworkerConfirmedBy: actor.id })
			.where(eq(planVersions.id, versionId))
			.run();
		recordPlanChange(tx, actor, participantId, 'version.confirmed_by_caseworker', { detail: { versionId } });
		return agreeIfComplete(tx, actor, participantId, versionId);
	});
	return { ok: true, agreed };
}

export async function versionOf(access: AccessTo<'plan'>, versionId: string): Promise<PlanVersion> {
	const [version] = await db
		.select()
		.from(planVersions)
		.where(and(eq(planVersions.id, versionId), eq(planVersions.participantId, access.participantId)));
	if (version === undefined) error(404, 'error.not_found');
	return version;
}
