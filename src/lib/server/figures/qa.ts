import { sql, type SQL } from 'drizzle-orm';
import { PERIOD_MONTHS } from '$lib/casework';
import { QA_WARNINGS, type QaFinding, type QaWarning } from '$lib/figures';
import { berlinMidnight } from '$lib/report-period';
import { one, type FigureContext } from './scope';

/** A case without a contact this long shows a warning. */
export const NO_CONTACT_DAYS = 90;

/**
 * Each warning as the rows behind it: `from … where …` over `p` (the person) with `at` (ms) or `day`
 * (German day) the detail a drill-down shows. Open cases are judged on today's state; appointments in the period.
 */
export function qaSource(context: FigureContext, warning: QaWarning): { from: SQL; at: SQL } {
	const open = sql`k.status in ('active', 'paused', 'transferred')`;
	switch (warning) {
		case 'done_appointment_without_contact':
			return {
				from: sql`appointments a join participants p on p.id = a.participant_id where ${context.persons}
					and a.status = 'done' and a.starts_at >= ${context.start} and a.starts_at < ${context.end}
					and not exists (select 1 from contacts c where c.appointment_id = a.id)`,
				at: sql`a.starts_at`
			};
		case 'no_contact_90_days': {
			const cutoff = berlinMidnight(context.today) - NO_CONTACT_DAYS * 86_400_000;
			const last = sql`coalesce((select max(c.occurred_at) from contacts c where c.participant_id = p.id),
				(unixepoch(k.period_starts_on) * 1000))`;
			return {
				from: sql`cases k join participants p on p.id = k.participant_id where ${context.persons}
					and k.status in ('active', 'paused') and ${last} < ${cutoff}`,
				at: last
			};
		}
		case 'review_overdue':
			return {
				from: sql`plans pl join participants p on p.id = pl.participant_id join cases k on k.participant_id = p.id
					where ${context.persons} and ${open} and pl.next_review_date < ${context.today}`,
				at: sql`(unixepoch(pl.next_review_date) * 1000)`
			};
		case 'period_over_without_extension': {
			const ends = sql`date(k.period_starts_on, '+' || k.period_months || ' months')`;
			return {
				from: sql`cases k join participants p on p.id = k.participant_id where ${context.persons}
					and ${open} and k.period_months <= ${PERIOD_MONTHS} and ${ends} <= ${context.today}`,
				at: sql`(unixepoch(${ends}) * 1000)`
			};
		}
	}
}

/** The QA warnings with their counts (all four, zeros included, so the page can say "nothing to fix"). */
export function qa(context: FigureContext): QaFinding[] {
	return QA_WARNINGS.map((warning) => ({
		warning,
		count: one<{ n: number }>(sql`select count(*) as n from ${qaSource(context, warning).from}`).n
	}));
}
