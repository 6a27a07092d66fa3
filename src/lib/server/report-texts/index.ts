import { and, eq } from 'drizzle-orm';
import { REPORT_TEXT_FIELDS, type ReportTextField } from '$lib/casework';
import type { Locale } from '$lib/i18n/locales';
import { recordAuditIn } from '../audit';
import { db } from '../db';
import { CHANGED_MEANWHILE, exactlyOne, writeIfUnchanged } from '../db/conditional';
import { reportTexts, users } from '../db/schema';
import type { Actor } from '../policy';
import type { ReportTextOwner } from '../policy/report-texts';

export type ReportTexts = Record<ReportTextField, string> & {
	language: Locale;
	// 0: nothing written yet for this year.
	version: number;
	updatedAt: Date | null;
	updatedByName: string | null;
};

const EMPTY = Object.fromEntries(REPORT_TEXT_FIELDS.map((f) => [f, ''])) as Record<ReportTextField, string>;

export async function readReportTexts(owner: ReportTextOwner, year: number): Promise<ReportTexts> {
	const [row] = await db
		.select({ text: reportTexts, updatedByName: users.displayName })
		.from(reportTexts)
		.innerJoin(users, eq(users.id, reportTexts.updatedBy))
		.where(and(eq(reportTexts.ownerKind, owner.kind), eq(reportTexts.ownerId, owner.id), eq(reportTexts.year, year)));
	if (row === undefined) return { ...EMPTY, language: 'de', version: 0, updatedAt: null, updatedByName: null };
	const { text } = row;
	return {
		focus: text.focus,
		cooperation: text.cooperation,
		challenges: text.challenges,
		outlook: text.outlook,
		language: text.language,
		version: text.version,
		updatedAt: text.updatedAt,
		updatedByName: row.updatedByName
	};
}

/**
 * Saves the year's short report, conditional on the version the form showed (0: none yet). Two people saving at
 * once: one wins, the other is told it changed meanwhile and keeps what they typed.
 */
export function saveReportTexts(
	actor: Actor,
	owner: ReportTextOwner,
	year: number,
	seenVersion: number,
	texts: Record<ReportTextField, string> & { language: Locale }
): { ok: true } | { reason: string } {
	if (!owner.writable) return { reason: 'error.not_found' };
	const outcome = writeIfUnchanged((tx) => {
		const values = { ...texts, updatedBy: actor.id };
		if (seenVersion === 0) {
			const inserted = tx
				.insert(reportTexts)
				.values({ id: crypto.randomUUID(), ownerKind: owner.kind, ownerId: owner.id, year, ...values })
				.onConflictDoNothing()
				.run();
			exactlyOne(inserted);
		} else {
			exactlyOne(
				tx
					.update(reportTexts)
					.set({ ...values, version: seenVersion + 1 })
					.where(
						and(
							eq(reportTexts.ownerKind, owner.kind),
							eq(reportTexts.ownerId, owner.id),
							eq(reportTexts.year, year),
							eq(reportTexts.version, seenVersion)
						)
					)
					.run()
			);
		}
		// What was written is the owner's work description; the audit says that it changed, not what it says.
		recordAuditIn(tx, {
			actor,
			action: 'report.texts_saved',
			detail: { ownerKind: owner.kind, ownerId: owner.id, year }
		});
	});
	return outcome.ok ? { ok: true } : { reason: CHANGED_MEANWHILE };
}
