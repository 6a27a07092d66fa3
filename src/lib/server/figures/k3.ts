import { sql } from 'drizzle-orm';
import { TOPICS } from '$lib/casework';
import type { KeyFigures } from '$lib/figures';
import { contactsIn } from './k2';
import { breakdown, rows, type FigureContext } from './scope';

/** Residence status groups for K3: protected, tolerated (Gestattung, Duldung), other. */
export const STATUS_GROUPS = ['protected', 'tolerated', 'other'] as const;
const group = sql`case when p.residence_status in ('refugee', 'asylum', 'subsidiary_protection', 'temporary_protection')
	then 'protected' when p.residence_status in ('gestattung', 'duldung') then 'tolerated' else 'other' end`;

/** K3. Topics multi-counted: a contact about housing and benefits counts once for each. */
export function k3(context: FigureContext): KeyFigures['k3'] {
	const found = rows<{ topic: string; grp: string; count: number }>(sql`select t.topic as topic, ${group} as grp,
		count(*) as count from contact_topics t join ${contactsIn(context)} and c.id = t.contact_id group by 1, 2`);
	return {
		byTopic: breakdown(
			TOPICS,
			found.map((r) => ({ key: r.topic, count: r.count }))
		),
		byTopicAndStatusGroup: TOPICS.flatMap((topic) =>
			STATUS_GROUPS.map((g) => ({
				topic,
				group: g,
				count: found.find((r) => r.topic === topic && r.grp === g)?.count ?? 0
			}))
		)
	};
}
