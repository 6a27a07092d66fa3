import { sql } from 'drizzle-orm';
import type { Tx } from '../db';
import { ANONYMISED_NAME } from '$lib/retention';

/**
 * Empties every typed text and ends every way in for one person, in the anonymising transaction (the list of
 * what goes and what stays is in anonymise.ts). Plain statements: they only blank columns, one table each.
 */
export function blankPeople(tx: Tx, p: string, caseId: string): void {
	const statements = [
		sql`update participants set given_name = '', family_name = ${ANONYMISED_NAME}, phone = '', email = '',
			address = '', birth_date = case when birth_date is null then null else substr(birth_date, 1, 4) || '-07-01' end
			where id = ${p}`,
		sql`update users set active = 0, display_name = ${ANONYMISED_NAME}, username = 'anonymised-' || id,
			phone = null, email = null where id = (select user_id from participants where id = ${p})`,
		sql`delete from sessions where user_id = (select user_id from participants where id = ${p})`,
		sql`delete from push_subscriptions where user_id = (select user_id from participants where id = ${p})`,
		sql`delete from calendar_feeds where participant_id = ${p}`,
		sql`delete from reminders where participant_id = ${p}`,
		// A consent still running ends; its terms stay as recorded (immutable by trigger).
		sql`insert into consent_events (consent_id, state, actor_id, reason)
			select c.id, 'revoked', null, '' from consents c where c.participant_id = ${p}
			and (select e.state from consent_events e where e.consent_id = c.id order by e.id desc limit 1) in ('given', 'pending')`,
		sql`update consents set invite_code_hash = null where participant_id = ${p} and invite_code_hash is not null`,
		sql`update households set name = ${ANONYMISED_NAME} where id = (select household_id from participants where id = ${p})
			and not exists (select 1 from participants o join cases c on c.participant_id = o.id
				where o.household_id = households.id and c.anonymised_at is null)`,
		sql`update documents set title = '' where participant_id = ${p}`,
		sql`update document_questions set question = '', answer = case when answer is null then null else '' end
			where participant_id = ${p}`,
		sql`delete from case_notes where participant_id = ${p}`,
		sql`delete from goal_comments where goal_id in (select id from goals where participant_id = ${p})`,
		sql`update contacts set note = '' where participant_id = ${p}`,
		sql`update goals set title = '', why = '', decline_reason = '' where participant_id = ${p}`,
		sql`update steps set text = '', service_name = '' where goal_id in (select id from goals where participant_id = ${p})`,
		sql`update plan_history set detail = null where participant_id = ${p}`,
		sql`update plan_reviews set note = '' where participant_id = ${p}`,
		sql`update plan_review_outcomes set note = '' where review_id in (select id from plan_reviews where participant_id = ${p})`,
		sql`update handovers set person = '', phone = '', open_matters = '{}' where case_id = ${caseId}`,
		sql`update assessments set note = '' where case_id = ${caseId}`,
		sql`update referrals set note = '' where participant_id = ${p}`,
		sql`update case_requests set reason = '', decision_note = '' where case_id = ${caseId}`,
		sql`update case_events set reason = '', detail = null where case_id = ${caseId}`,
		sql`update covers set note = '' where participant_id = ${p}`,
		sql`update appointments set title = '', place = '', address = '', directions = '', bring_note = '', note = ''
			where participant_id = ${p}`,
		sql`update appointment_events set message = ''
			where appointment_id in (select id from appointments where participant_id = ${p})`,
		sql`update correction_requests set request = '', outcome_note = '' where participant_id = ${p}`
	];
	for (const statement of statements) tx.run(statement);
}
