import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { cases } from '../db/schema';
import { makeParticipant, makeWorld } from '../testing/factories';
import { addMonths, periodEndsOn } from './period';
import { periodEndsWithinCondition } from './period-sql';

describe('periodEndsWithinCondition: the caseload and work queue ask the database', () => {
	it('finds the running cases whose period ends within 6 months or has ended, whatever their length', async () => {
		const world = await makeWorld();
		const today = '2026-11-25';
		const make = async (
			startsOn: string | null,
			months: number,
			status: 'active' | 'paused' | 'closed' | 'referred'
		) => {
			const p = await makeParticipant({ organisationId: world.county.id, townId: world.town.id, caseStatus: status });
			await db
				.update(cases)
				.set({ periodStartsOn: startsOn, periodMonths: months })
				.where(eq(cases.participantId, p.id));
			return p.id;
		};
		const horizon = addMonths(today, 6);
		const endsOnHorizon = addMonths(horizon, -36);
		expect(periodEndsOn(endsOnHorizon, 36) <= horizon).toBe(true);
		const expected = [
			await make(endsOnHorizon, 36, 'active'), // ends within 6 months, on the last day that counts
			await make(addMonths(today, -40), 36, 'paused'), // already over
			await make(addMonths(today, -44), 48, 'active') // extended, ends in 4 months
		];
		const notExpected = [
			await make(addMonths(today, -12), 36, 'active'),
			await make(addMonths(today, -36), 48, 'active'), // extended: 12 months left
			await make(addMonths(today, -40), 36, 'closed'),
			await make(null, 36, 'referred')
		];
		const ids = [...expected, ...notExpected];
		const rows = await db
			.select({ participantId: cases.participantId })
			.from(cases)
			.where(and(inArray(cases.participantId, ids), periodEndsWithinCondition(today)));
		expect(rows.map((r) => r.participantId).sort()).toEqual([...expected].sort());
	});
});
