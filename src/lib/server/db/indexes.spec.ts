import { describe, expect, it } from 'vitest';
import { db } from '.';

// The queries that grow with the installation, as the app sends them (in shape), and the index each must use.
// A plan that says SCAN over the table, or sorts in a temporary B-tree, would cost time with a whole state's data.
function planOf(query: string, ...params: unknown[]): string {
	const rows = db.$client.prepare(`explain query plan ${query}`).all(...params) as { detail: string }[];
	return rows.map((r) => r.detail).join('\n');
}

describe('queries that grow with the installation use their indexes', () => {
	it("a caseworker's caseload reads their current assignments by index (policy caseloadCondition)", () => {
		const plan = planOf(
			`select id from participants where id in
			 (select participant_id from assignments where caseworker_id = ? and ended_at is null)`,
			'cw'
		);
		expect(plan).toContain('assignments_caseworker_idx');
		expect(plan).not.toMatch(/SCAN participants\b(?! USING)/);
	});

	it("the caseload's count of appointments waiting for staff looks up one person's (participants/caseload.ts)", () => {
		const plan = planOf(
			`select count(*) from appointments where participant_id = ? and awaiting = 'staff'
			 and status in ('requested', 'confirmed', 'declined')`,
			'p'
		);
		expect(plan).toContain('appointments_participant_awaiting_idx');
	});

	it("a lead's list comes in name order from the index, without sorting the organisation", () => {
		const plan = planOf(
			'select id from participants where organisation_id = ? order by family_name, given_name limit 50',
			'org'
		);
		expect(plan).toContain('participants_org_name_idx');
		expect(plan).not.toContain('TEMP B-TREE');
	});

	it('the start-up sweep looks up a batch of files by storage and thumbnail key without a scan (documents/sweep.ts)', () => {
		const plan = planOf(
			'select storage_key, thumbnail_key from document_files where storage_key in (?, ?) or thumbnail_key in (?, ?)',
			'k1',
			'k2',
			'k1',
			'k2'
		);
		expect(plan).toContain('document_files_storage_unique');
		expect(plan).toContain('document_files_thumbnail_idx');
		expect(plan).not.toMatch(/SCAN document_files\b(?! USING)/);
	});

	it('the reminder clock reads only what starts soon (appointments/reminders.ts)', () => {
		const plan = planOf(
			`select id from appointments where status in ('requested', 'confirmed') and starts_at > ? and starts_at <= ?`,
			0,
			1
		);
		expect(plan).toContain('appointments_status_start_idx');
	});

	it('the reminder clock finds stored reminders person by person (reminders/batch.ts)', () => {
		const plan = planOf(
			`select user_id, subject_id, "offset" from reminders
			 where user_id in (?, ?) and subject = 'document' and subject_id in (?, ?)`,
			'u1',
			'u2',
			's1',
			's2'
		);
		expect(plan).toContain('reminders_unique (user_id=? AND subject=?');
	});
});
