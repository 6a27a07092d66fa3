import { sql, type SQL } from 'drizzle-orm';
import type { ReportPeriod } from '$lib/figures';
import { dayInGermany } from '$lib/i18n/format';
import { periodBounds } from '$lib/report-period';
import { db } from '../db';
import type { ReportAccess } from '../policy';

/**
 * What every figure reader needs: the period as German days and as UTC instants [start, end), and the scope
 * as SQL conditions. Figures use raw SQL with fixed aliases: `p` participants, `k` cases, `c` contacts,
 * `n` networking contacts, `u` users.
 */
export type FigureContext = {
	access: ReportAccess;
	period: ReportPeriod;
	start: number;
	end: number;
	/** The German day the report is made: "now" for the QA warnings, and the cap on working days (K6). */
	today: string;
	/** Participants of the scope, as a condition on `p`. */
	persons: SQL;
	/** Contacts of the scope, as a condition on `c` joined with `p`. */
	contacts: SQL;
	/** Networking contacts of the scope, as a condition on `n`. */
	networking: SQL;
	/** The caseworkers whose posts count (K6, K10), as a condition on `u`. */
	staff: SQL;
};

/** The organisations of a county: the county itself, its towns and its welfare organisations. */
function countyOrganisations(countyId: string): SQL {
	return sql`(select id from organisations where id = ${countyId} or county_id = ${countyId})`;
}

export function figureContext(access: ReportAccess, period: ReportPeriod, today = dayInGermany()): FigureContext {
	const { start, end } = periodBounds(period);
	const scope = access.scope;
	const base = { access, period, start, end, today };
	switch (scope.kind) {
		case 'caseworker':
			// A person counts for the caseworker of their current assignment; a contact for whoever held it.
			return {
				...base,
				persons: sql`p.id in (select participant_id from assignments where caseworker_id = ${scope.caseworkerId} and ended_at is null)`,
				contacts: sql`c.caseworker_id = ${scope.caseworkerId}`,
				networking: sql`n.caseworker_id = ${scope.caseworkerId}`,
				staff: sql`u.id = ${scope.caseworkerId}`
			};
		case 'organisation':
			return {
				...base,
				persons: sql`p.organisation_id = ${scope.organisationId}`,
				contacts: sql`p.organisation_id = ${scope.organisationId}`,
				networking: sql`n.organisation_id = ${scope.organisationId}`,
				staff: sql`u.organisation_id = ${scope.organisationId}`
			};
		case 'town':
			// A town's people wherever they are counselled; networking and posts are the town's own staff's.
			return {
				...base,
				persons: sql`p.town_id = ${scope.townId}`,
				contacts: sql`p.town_id = ${scope.townId}`,
				networking: sql`n.organisation_id = ${scope.townId}`,
				staff: sql`u.organisation_id = ${scope.townId}`
			};
		case 'county':
			return {
				...base,
				persons: sql`p.organisation_id in ${countyOrganisations(scope.countyId)}`,
				contacts: sql`p.organisation_id in ${countyOrganisations(scope.countyId)}`,
				networking: sql`n.organisation_id in ${countyOrganisations(scope.countyId)}`,
				staff: sql`u.organisation_id in ${countyOrganisations(scope.countyId)}`
			};
	}
}

/**
 * A case's status at the end of the period, reconstructed from its append-only events (every event records the
 * status it left the case in); null when the case did not exist yet. For a period still running it is today's.
 */
export function statusAtEnd(context: FigureContext): SQL {
	return sql`(select e.to_status from case_events e where e.case_id = k.id and e.to_status is not null and e.created_at < ${context.end}
		order by e.created_at desc, e.id desc limit 1)`;
}

/** Statuses in which a person is in counselling (K1 "at period end"). */
export const COUNSELLING = sql`('active', 'paused', 'transferred')`;

export function rows<T>(query: SQL): T[] {
	return db.all<T>(query);
}

export function one<T>(query: SQL): T {
	return db.get<T>(query);
}

/** Zero-filled breakdown in vocabulary order: every code shows, also the ones nobody had. */
export function breakdown(
	codes: readonly string[],
	found: { key: string | null; count: number }[],
	unknown = false
): { key: string; count: number }[] {
	const counts = new Map<string, number>();
	for (const row of found) {
		const key = row.key ?? 'unknown';
		counts.set(key, (counts.get(key) ?? 0) + row.count);
	}
	const keys = unknown ? [...codes, 'unknown'] : codes;
	return keys.map((key) => ({ key, count: counts.get(key) ?? 0 }));
}

export function median(values: number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function mean(values: number[]): number | null {
	return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Whole days between two German calendar days. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
