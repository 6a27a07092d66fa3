import { and, count, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { db } from '../db';
import {
	assessments,
	cases,
	catalogueTexts,
	contactTopics,
	contacts,
	goals,
	organisations,
	participants
} from '../db/schema';
import type { EvaluationScope } from '../policy';

/** Inclusive German days and the instants they span: [fromAt, toAt). */
export type Span = { from: string; to: string; fromAt: Date; toAt: Date };

const town = alias(organisations, 'town');

function inScope(scope: EvaluationScope): SQL {
	if (scope.kind === 'organisation') return eq(participants.organisationId, scope.organisationId);
	const county = sql`(select ${organisations.id} from ${organisations} where ${organisations.id} = ${scope.countyId} or ${organisations.countyId} = ${scope.countyId})`;
	return or(sql`${participants.organisationId} in ${county}`, sql`${participants.townId} in ${county}`)!;
}

/** SQLite takes a limited number of bound values; lists of ids go in slices. */
async function inSlices<T>(ids: string[], read: (slice: string[]) => Promise<T[]>): Promise<T[]> {
	const rows: T[] = [];
	for (let i = 0; i < ids.length; i += 500) rows.push(...(await read(ids.slice(i, i + 500))));
	return rows;
}

/**
 * The people counselled at some time in the span: their case's period started by its end and was not closed
 * before its start. Only columns the dataset keeps are read; names, addresses and phones never leave the query.
 */
export async function readPersons(scope: EvaluationScope, span: Span) {
	return db
		.select({
			id: participants.id,
			caseId: cases.id,
			birthDate: participants.birthDate,
			gender: participants.gender,
			nationality: participants.nationality,
			residenceStatus: participants.residenceStatus,
			householdId: participants.householdId,
			town: town.name,
			status: cases.status,
			periodStartsOn: cases.periodStartsOn,
			closedAt: cases.closedAt,
			closureReason: cases.closureReason
		})
		.from(participants)
		.innerJoin(cases, eq(cases.participantId, participants.id))
		.innerJoin(town, eq(town.id, participants.townId))
		.where(
			and(
				inScope(scope),
				isNotNull(cases.periodStartsOn),
				lte(cases.periodStartsOn, span.to),
				or(isNull(cases.closedAt), gte(cases.closedAt, span.fromAt))
			)
		)
		.orderBy(participants.id);
}

export async function readHouseholdSizes(householdIds: string[]): Promise<Map<string, number>> {
	const rows = await inSlices(householdIds, (slice) =>
		db
			.select({ id: participants.householdId, n: count() })
			.from(participants)
			.where(inArray(participants.householdId, slice))
			.groupBy(participants.householdId)
	);
	return new Map(rows.map((r) => [r.id!, r.n]));
}

export async function readGoals(participantIds: string[]) {
	return inSlices(participantIds, (slice) =>
		db
			.select({
				participantId: goals.participantId,
				field: goals.field,
				catalogueId: goals.catalogueId,
				text: catalogueTexts.text,
				status: goals.status,
				createdAt: goals.createdAt,
				updatedAt: goals.updatedAt,
				// When it was last marked achieved: every status change records from and to in the plan history.
				achievedAt: sql<number | null>`(select max(h.created_at) from plan_history h
					where h.participant_id = ${goals.participantId} and h.goal_id = ${goals.id}
					and h.change = 'goal.status' and json_extract(h.detail, '$.to') = 'achieved')`
			})
			.from(goals)
			.leftJoin(catalogueTexts, and(eq(catalogueTexts.entryId, goals.catalogueId), eq(catalogueTexts.locale, 'de')))
			.where(and(inArray(goals.participantId, slice), isNull(goals.deletedAt)))
	);
}

export async function readContacts(participantIds: string[], span: Span) {
	return inSlices(participantIds, (slice) =>
		db
			.select({
				participantId: contacts.participantId,
				occurredAt: contacts.occurredAt,
				form: contacts.form,
				kind: contacts.kind,
				minutes: contacts.durationMinutes,
				topics: sql<
					string | null
				>`(select group_concat(${contactTopics.topic}, ', ') from ${contactTopics} where ${contactTopics.contactId} = ${contacts.id})`
			})
			.from(contacts)
			.where(
				and(
					inArray(contacts.participantId, slice),
					gte(contacts.occurredAt, span.fromAt),
					lt(contacts.occurredAt, span.toAt)
				)
			)
	);
}

export async function readAssessments(caseIds: string[]) {
	return inSlices(caseIds, (slice) =>
		db
			.select({
				caseId: assessments.caseId,
				kind: assessments.kind,
				germanLevel: assessments.germanLevel,
				schooling: assessments.schooling,
				recognition: assessments.recognition,
				work: assessments.work,
				housing: assessments.housing,
				benefits: assessments.benefits,
				childrenCare: assessments.childrenCare,
				residenceStatus: assessments.residenceStatus
			})
			.from(assessments)
			.where(inArray(assessments.caseId, slice))
	);
}
