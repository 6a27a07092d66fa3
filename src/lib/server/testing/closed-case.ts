import { TZDate } from '@date-fns/tz';
import { eq } from 'drizzle-orm';
import { TIME_ZONE } from '$lib/i18n/format';
import { db } from '../db';
import {
	caseNotes,
	cases,
	catalogueEntries,
	catalogueTexts,
	contactTopics,
	contacts,
	goals,
	organisations,
	participants,
	steps
} from '../db/schema';
import { makeParticipant } from './factories';

/** Noon on a German calendar day, as an instant. */
export function germanNoon(day: string): Date {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(new TZDate(y, m - 1, d, 12, 0, TIME_ZONE).getTime());
}

/** A catalogue goal with a German text, as the shipped catalogue has (tests start with an empty one). */
export async function makeCatalogueGoal(field: 'language' | 'work' = 'language', text = 'Deutschkurs B1 abschließen') {
	const id = `test-${crypto.randomUUID()}`;
	await db.insert(catalogueEntries).values({ id, kind: 'goal', field });
	await db.insert(catalogueTexts).values({ entryId: id, locale: 'de', text });
	return { id, text };
}

export type PersonalData = {
	givenName: string;
	familyName: string;
	phone: string;
	email: string;
	address: string;
	birthDate: string;
	contactNote: string;
	goalTitle: string;
	caseNote: string;
};

/**
 * A participant with a case closed at noon (Berlin) on `closedOn`, personal data of every kind the tests look
 * for, one contact with a topic, one catalogue goal and one free-text goal.
 */
export async function makeClosedCase(opts: {
	organisationId: string;
	townId: string;
	caseworkerId: string;
	closedOn: string;
	catalogueGoalId: string;
	data: PersonalData;
	contactOn?: string;
}) {
	const p = await makeParticipant({ organisationId: opts.organisationId, townId: opts.townId, withAccount: true });
	const d = opts.data;
	await db
		.update(participants)
		.set({
			givenName: d.givenName,
			familyName: d.familyName,
			phone: d.phone,
			email: d.email,
			address: d.address,
			birthDate: d.birthDate,
			gender: 'female',
			nationality: 'SY'
		})
		.where(eq(participants.id, p.id));
	const [row] = await db.select().from(cases).where(eq(cases.participantId, p.id));
	const contactId = crypto.randomUUID();
	await db.insert(contacts).values({
		id: contactId,
		participantId: p.id,
		caseId: row.id,
		caseworkerId: opts.caseworkerId,
		occurredAt: germanNoon(opts.contactOn ?? opts.closedOn),
		durationMinutes: 45,
		form: 'home_visit',
		kind: 'follow_up',
		note: d.contactNote,
		createdBy: opts.caseworkerId
	});
	await db.insert(contactTopics).values({ contactId, topic: 'work' });
	const catalogueGoal = crypto.randomUUID();
	await db.insert(goals).values([
		{
			id: catalogueGoal,
			participantId: p.id,
			field: 'language',
			catalogueId: opts.catalogueGoalId,
			status: 'achieved'
		},
		{ id: crypto.randomUUID(), participantId: p.id, field: 'work', title: d.goalTitle, status: 'in_progress' }
	]);
	await db.insert(steps).values({
		id: crypto.randomUUID(),
		goalId: catalogueGoal,
		assignee: 'service',
		text: d.goalTitle,
		serviceName: d.familyName
	});
	await db.insert(caseNotes).values({
		id: crypto.randomUUID(),
		participantId: p.id,
		caseId: row.id,
		subject: 'case',
		body: d.caseNote,
		authorId: opts.caseworkerId
	});
	await db
		.update(cases)
		.set({
			status: 'closed',
			closureReason: 'goals_reached',
			closedAt: germanNoon(opts.closedOn),
			periodStartsOn: '2020-01-06'
		})
		.where(eq(cases.id, row.id));
	return { participant: p, caseId: row.id };
}

export async function setRetention(organisationId: string, years: number) {
	await db.update(organisations).set({ retentionYears: years }).where(eq(organisations.id, organisationId));
}
