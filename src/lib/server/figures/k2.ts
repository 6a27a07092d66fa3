import { sql, type SQL } from 'drizzle-orm';
import { CONTACT_FORMS, CONTACT_KINDS } from '$lib/casework';
import type { KeyFigures } from '$lib/figures';
import { berlinMidnight } from '$lib/report-period';
import { one, rows, type FigureContext } from './scope';

/** The scope's contacts in the period (`c`, joined with their person `p`). */
export function contactsIn(context: FigureContext): SQL {
	return sql`contacts c join participants p on p.id = c.participant_id
		where ${context.contacts} and c.occurred_at >= ${context.start} and c.occurred_at < ${context.end}`;
}

/** The calendar months a period touches, "YYYY-MM", each with its first instant in Berlin. */
export function monthsOf(context: FigureContext): { month: string; start: number }[] {
	const months: { month: string; start: number }[] = [];
	let [year, month] = context.period.from.split('-').map(Number);
	const last = context.period.to.slice(0, 7);
	for (;;) {
		const key = `${year}-${String(month).padStart(2, '0')}`;
		if (key > last) break;
		months.push({ month: key, start: Math.max(berlinMidnight(`${key}-01`), context.start) });
		[year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
	}
	return months;
}

/**
 * K2. A contact counts for the scope of the caseworker who held it (caseworker scope) or of its person
 * (organisation, town, county). Persons reached: the contacts' persons and the household members present.
 */
export function k2(context: FigureContext): KeyFigures['k2'] {
	const from = contactsIn(context);
	const months = monthsOf(context);
	// Each contact's month on the Berlin calendar, from the months' first instants (SQLite knows no time zones).
	const monthOf = sql`case ${sql.join(
		[...months].reverse().map((m) => sql`when c.occurred_at >= ${m.start} then ${m.month}`),
		sql` `
	)} end`;
	// One pass over the contacts, grouped by form, kind and month (at most 5 × 5 × 12 rows); every total below
	// is summed from these groups.
	const groups = rows<{ month: string; form: string; kind: string; count: number; minutes: number }>(
		sql`select ${monthOf} as month, c.form as form, c.kind as kind, count(*) as count,
		sum(c.duration_minutes) as minutes from ${from} group by 1, 2, 3`
	);
	const reached = one<{ n: number }>(sql`select count(*) as n from (select c.participant_id from ${from}
		union select cp.participant_id from contact_persons cp where cp.contact_id in (select c.id from ${from}))`);
	const sum = (filter: (g: (typeof groups)[number]) => boolean, value: 'count' | 'minutes' = 'count') =>
		groups.filter(filter).reduce((total, g) => total + g[value], 0);
	return {
		contacts: sum(() => true),
		byForm: CONTACT_FORMS.map((key) => ({ key, count: sum((g) => g.form === key) })),
		byKind: CONTACT_KINDS.map((key) => ({ key, count: sum((g) => g.kind === key) })),
		personsReached: reached.n,
		minutes: sum(() => true, 'minutes'),
		meanMinutesByKind: CONTACT_KINDS.map((key) => {
			const count = sum((g) => g.kind === key);
			return { key, minutes: count === 0 ? null : Math.round(sum((g) => g.kind === key, 'minutes') / count) };
		}),
		byFormPerMonth: months.flatMap(({ month }) =>
			CONTACT_FORMS.map((form) => ({ month, form, count: sum((g) => g.month === month && g.form === form) }))
		)
	};
}
