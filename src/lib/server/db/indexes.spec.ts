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

	it("a caseworker's caseload adds the cases they cover for today through the covers index (policy caseloadCondition)", () => {
		const plan = planOf(
			`select id from participants where id in
			 (select participant_id from assignments where caseworker_id = ? and ended_at is null
			  union all select a.participant_id from covers join assignments a on a.caseworker_id = covers.absent_id
			   and a.ended_at is null and (covers.participant_id is null or covers.participant_id = a.participant_id)
			  where covers.cover_id = ? and covers.starts_on <= ? and covers.ends_on >= ? and covers.ended_at is null)`,
			'cw',
			'cw',
			'2026-11-25',
			'2026-11-25'
		);
		expect(plan).toContain('covers_cover_idx');
		expect(plan).toContain('assignments_caseworker_idx');
		expect(plan).not.toMatch(/SCAN (participants|covers|assignments)\b(?! USING)/);
	});

	it("the work queue's groups look each person's case, contacts and appointments up by index (cases/attention.ts)", () => {
		const referred = planOf(
			`select count(*) from participants where id in (select participant_id from assignments where caseworker_id = ?
			 and ended_at is null) and exists (select 1 from cases where cases.participant_id = participants.id
			 and cases.status = 'referred')`,
			'cw'
		);
		expect(referred).toContain('cases_participant_unique');
		expect(referred).not.toMatch(/SCAN (participants|cases)\b(?! USING)/);
		const quiet = planOf(
			`select 1 from participants where exists (select 1 from contacts where contacts.participant_id = participants.id
			 and contacts.occurred_at >= ?) and id = ?`,
			0,
			'p'
		);
		expect(quiet).toContain('contacts_participant_idx');
		const undocumented = planOf(
			`select count(*) from appointments where participant_id = ? and +status = 'done' and staff_id is not null
			 and not exists (select 1 from contacts where contacts.appointment_id = appointments.id)`,
			'p'
		);
		expect(undocumented).toContain('contacts_appointment_unique');
		expect(undocumented).toMatch(/appointments_participant/);
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

	it("a lead's caseload pages by key: the next and previous 50 come from the name index (db/keyset.ts)", () => {
		// In the shape participants/caseload.ts sends: its joins, the row-value key after the scope, id last.
		const page = (op: '>' | '<', dir: 'asc' | 'desc') =>
			planOf(
				`select p.id from participants p
				 inner join organisations o on p.town_id = o.id
				 left join assignments a on a.participant_id = p.id and a.ended_at is null
				 left join users u on a.caseworker_id = u.id
				 left join plans pl on pl.participant_id = p.id
				 where p.organisation_id = ? and (p.family_name, p.given_name, p.id) ${op} (?, ?, ?)
				 order by p.family_name ${dir}, p.given_name ${dir}, p.id ${dir} limit 51`,
				'org',
				'Name',
				'Given',
				'id'
			);
		for (const plan of [page('>', 'asc'), page('<', 'desc')]) {
			expect(plan).toMatch(/participants_org_name_idx \(organisation_id=\? AND \(family_name,given_name\)[<>]/);
			// Only namesakes are sorted by id ("LAST TERM"); the organisation is never sorted as a whole.
			expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY');
		}
	});

	it("a participant's past appointments page by key from their index (appointments/lists.ts)", () => {
		const plan = planOf(
			`select id from appointments where participant_id = ?
			 and (ends_at <= ? or status in ('rescheduled', 'cancelled', 'declined'))
			 and (starts_at, id) < (?, ?) order by starts_at desc, id desc limit 51`,
			'p',
			0,
			0,
			'id'
		);
		expect(plan).toMatch(/appointments_participant_idx \(participant_id=\? AND starts_at<\?\)/);
		expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY');
	});

	it("a person's contacts page by key, newest first, from their index (contacts/read.ts)", () => {
		const plan = planOf(
			`select c.id from contacts c inner join users u on c.caseworker_id = u.id
			 where c.participant_id = ? and (c.occurred_at, c.id) < (?, ?)
			 order by c.occurred_at desc, c.id desc limit 51`,
			'p',
			0,
			'id'
		);
		expect(plan).toMatch(/contacts_participant_idx \(participant_id=\? AND occurred_at<\?\)/);
		expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY');
	});

	it("a caseworker's networking contacts page by key and sum by month from their index (contacts/networking.ts)", () => {
		const page = planOf(
			`select id from networking_contacts where caseworker_id = ? and deleted_at is null
			 and (occurred_at, id) < (?, ?) order by occurred_at desc, id desc limit 51`,
			'cw',
			0,
			'id'
		);
		expect(page).toMatch(/networking_caseworker_idx \(caseworker_id=\? AND occurred_at<\?\)/);
		expect(page).not.toContain('TEMP B-TREE FOR ORDER BY');
		const month = planOf(
			`select count(*), sum(duration_minutes) from networking_contacts
			 where caseworker_id = ? and deleted_at is null and occurred_at >= ? and occurred_at < ?`,
			'cw',
			0,
			1
		);
		expect(month).toMatch(/networking_caseworker_idx \(caseworker_id=\? AND occurred_at>\? AND occurred_at<\?\)/);
	});

	it("a caseworker's office hours page by key from their index (appointments/slots.ts)", () => {
		const plan = planOf(
			`select id from office_hour_slots where caseworker_id = ? and removed_at is null and ends_at > ?
			 and (starts_at, id) > (?, ?) order by starts_at, id limit 51`,
			'cw',
			0,
			0,
			'id'
		);
		// Either index that leads with (caseworker_id, starts_at) serves it.
		expect(plan).toMatch(/office_hour_slots_\w+ \(caseworker_id=\? AND starts_at>\?\)/);
		expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY');
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

	it("the admin's accounts page by (role, name, id) from their index, not by sorting every account (users)", () => {
		const plan = planOf(
			`select u.id from users u left join organisations o on u.organisation_id = o.id
			 where u.role <> 'participant' and (u.role, u.display_name, u.id) > (?, ?, ?)
			 order by u.role, u.display_name, u.id limit 51`,
			'admin',
			'A',
			'id'
		);
		expect(plan).toContain('users_role_name_idx');
		expect(plan).not.toContain('TEMP B-TREE');
	});

	it("the admin's count of participant accounts per organisation reads the index alone (users)", () => {
		const plan = planOf(
			`select o.name, count(p.user_id) from participants p inner join organisations o on p.organisation_id = o.id
			 where p.user_id is not null group by o.id order by o.name`
		);
		expect(plan).toMatch(/COVERING INDEX participants_org_account_idx/);
	});

	it('every request finds its session by key, even with statistics taken while there were next to no sessions (auth/session.ts)', () => {
		db.$client.exec('analyze');
		expect(planOf('select * from sessions where id = ?', 'x')).toMatch(
			/SEARCH sessions USING INDEX sqlite_autoindex_sessions_1/
		);
		expect(
			planOf('select u.id, p.id from users u left join participants p on p.user_id = u.id where u.id = ?', 'x')
		).toMatch(/SEARCH u USING (COVERING )?INDEX sqlite_autoindex_users_1 \(id=\?\)/);
	});

	it('the reminder clock reads only what starts soon (appointments/reminders.ts)', () => {
		const plan = planOf(
			`select id from appointments where status in ('requested', 'confirmed') and starts_at > ? and starts_at <= ?`,
			0,
			1
		);
		expect(plan).toContain('appointments_status_start_idx');
	});

	it("the reminder clock's minute run reads appointments and papers changed since the last run by index", () => {
		expect(planOf(`select id from appointments where updated_at > ?`, 0)).toContain('appointments_updated_idx');
		expect(planOf(`select id from documents where updated_at > ?`, 0)).toContain('documents_updated_idx');
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

	it("the lead's approvals page by key from the open requests' index, oldest first (cases/approvals.ts)", () => {
		const plan = planOf(
			`select cr.id from case_requests cr
			 inner join cases c on cr.case_id = c.id
			 inner join participants p on c.participant_id = p.id
			 inner join users u on cr.requested_by = u.id
			 where cr.outcome is null and p.organisation_id = ? and (cr.created_at, cr.id) > (?, ?)
			 order by cr.created_at asc, cr.id asc limit 51`,
			'org',
			0,
			'id'
		);
		expect(plan).toContain('case_requests_open_idx');
		expect(plan).not.toContain('TEMP B-TREE FOR ORDER BY');
		expect(plan).not.toMatch(/SCAN (c|p|cases|participants)\b(?! USING)/);
	});

	it('"period ends within 6 months" reads running cases by their status index (cases/period-sql.ts)', () => {
		const plan = planOf(
			`select id from cases where status in ('active', 'paused', 'transferred') and period_starts_on is not null
			 and period_starts_on <= case period_months when 36 then ? else ? end`,
			'2024-01-01',
			'2023-01-01'
		);
		expect(plan).toContain('cases_status_idx');
	});

	it("a person's case notes and referrals, and a county's directory, page by key from their indexes (notes, referrals)", () => {
		const notes = planOf(
			`select id from case_notes where participant_id = ? and deleted_at is null and sensitive = 0
			 and (created_at, id) < (?, ?) order by created_at desc, id desc limit 51`,
			'p',
			0,
			'id'
		);
		expect(notes).toContain('case_notes_participant_idx');
		expect(notes).not.toContain('TEMP B-TREE FOR ORDER BY');
		const referrals = planOf(
			`select r.id from referrals r inner join services s on s.id = r.service_id
			 where r.participant_id = ? order by r.created_at desc, r.id desc limit 51`,
			'p'
		);
		expect(referrals).toContain('referrals_participant_idx');
		expect(referrals).not.toContain('TEMP B-TREE FOR ORDER BY');
		const directory = planOf(
			`select id from services where county_id = ? and target = ? and (target, name, id) > (?, ?, ?)
			 order by target, name, id limit 51`,
			'c',
			'jobcenter',
			'jobcenter',
			'A',
			'id'
		);
		expect(directory).toContain('services_county_idx');
		expect(directory).not.toContain('TEMP B-TREE FOR ORDER BY');
	});

	it("the key figures read a county's contacts per person and period by index (figures/k2.ts)", () => {
		const plan = planOf(
			`select c.form, c.kind, count(*), sum(c.duration_minutes) from contacts c join participants p
			 on p.id = c.participant_id where p.organisation_id in (select id from organisations where id = ? or county_id = ?)
			 and c.occurred_at >= ? and c.occurred_at < ? group by 1, 2`,
			'county',
			'county',
			0,
			1
		);
		expect(plan).toMatch(/contacts_participant_idx|contacts_caseworker_idx/);
		expect(plan).not.toMatch(/SCAN c\b(?! USING)/);
		const own = planOf(
			`select count(*) from contacts c join participants p on p.id = c.participant_id
			 where c.caseworker_id = ? and c.occurred_at >= ? and c.occurred_at < ?`,
			'cw',
			0,
			1
		);
		expect(own).toContain('contacts_caseworker_idx');
	});

	it("the key figures read a case's status at the period's end from its last event by index (figures/scope.ts)", () => {
		const plan = planOf(
			`select (select e.to_status from case_events e where e.case_id = k.id and e.to_status is not null
			 and e.created_at < ? order by e.created_at desc, e.id desc limit 1) from cases k where k.participant_id = ?`,
			1,
			'p'
		);
		expect(plan).toContain('case_events_case_idx');
		expect(plan).not.toMatch(/SCAN e\b(?! USING)/);
	});

	it('the key figures find the review before each review by index (figures/k4.ts)', () => {
		const plan = planOf(
			`select (select r2.next_review_date from plan_reviews r2 where r2.participant_id = r.participant_id
			 and r2.created_at < r.created_at order by r2.created_at desc limit 1) from plan_reviews r
			 where r.participant_id = ? and r.created_at >= ? and r.created_at < ?`,
			'p',
			0,
			1
		);
		expect(plan).toContain('plan_reviews_participant_idx');
		expect(plan).not.toMatch(/SCAN r2?\b(?! USING)/);
		expect(plan).not.toContain('TEMP B-TREE');
	});

	it('the daily retention run reads closed, not yet anonymised cases by closure time (retention/due.ts)', () => {
		const plan = planOf(
			`select cases.id from cases join participants on participants.id = cases.participant_id
			 join organisations on organisations.id = participants.organisation_id
			 where cases.status = 'closed' and cases.anonymised_at is null and cases.closed_at < ?
			 and (case organisations.retention_years when 3 then cases.closed_at < ? else 0 end)
			 order by cases.closed_at, cases.id limit 20`,
			0,
			0
		);
		expect(plan).toContain('cases_retention_idx');
		expect(plan).not.toMatch(/SCAN (cases|participants|organisations)\b(?! USING)/);
	});

	it("the evaluation dataset reads a person's contacts of the year by index (evaluation/read.ts)", () => {
		const plan = planOf(
			`select occurred_at from contacts where participant_id in (?, ?) and occurred_at >= ? and occurred_at < ?`,
			'a',
			'b',
			0,
			1
		);
		expect(plan).toContain('contacts_participant_idx');
	});
});

describe('importing a caseload', () => {
	it('looks existing people up by organisation and birth date, not over the whole organisation (imports/duplicates.ts)', () => {
		const plan = planOf(
			`select id, given_name, family_name, birth_date from participants
			 where organisation_id = ? and birth_date in (?, ?, ?)`,
			'org',
			'1990-01-01',
			'1990-01-02',
			'1990-01-03'
		);
		expect(plan).toContain('participants_org_birth_idx');
		expect(plan).not.toMatch(/SCAN participants\b/);
	});
});
