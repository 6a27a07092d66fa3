import { sql } from 'drizzle-orm';
import { assignments, covers } from '../db/schema';

/**
 * SQL: the participants a caseworker covers for on `today` (German calendar day): the current assignments of the
 * absent colleague, all of them or the one case covered. Read on the day, so a cover ends by itself.
 */
export function coveredParticipantIds(caseworkerId: string, today: string) {
	return sql`select ${assignments.participantId} from ${covers} join ${assignments}
		on ${assignments.caseworkerId} = ${covers.absentId} and ${assignments.endedAt} is null
		and (${covers.participantId} is null or ${covers.participantId} = ${assignments.participantId})
		where ${covers.coverId} = ${caseworkerId} and ${covers.startsOn} <= ${today} and ${covers.endsOn} >= ${today}
		and ${covers.endedAt} is null`;
}
