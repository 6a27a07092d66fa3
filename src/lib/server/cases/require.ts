import { error } from '@sveltejs/kit';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { participants } from '../db/schema';
import { caseWorkAccess, type Actor, type CaseWorkAccess } from '../policy';

/**
 * Staff pages of case work: no relation, a volunteer, or the person herself on a staff page is a 404 — the page
 * does not exist for them, which also says nothing about whether the person does.
 */
export async function requireStaffCaseWork(actor: Actor, participantId: string): Promise<CaseWorkAccess> {
	const access = await caseWorkAccess(actor, participantId);
	if (access === null || !access.readStaffNotes) error(404, 'error.not_found');
	return access;
}

/** Name and language for a case-work page's heading; the access was granted by the policy. */
export async function caseWorkHeading(access: CaseWorkAccess) {
	const [row] = await db
		.select({
			id: participants.id,
			givenName: participants.givenName,
			familyName: participants.familyName,
			language: participants.language
		})
		.from(participants)
		.where(eq(participants.id, access.participantId));
	if (row === undefined) error(404, 'error.not_found');
	return row;
}
