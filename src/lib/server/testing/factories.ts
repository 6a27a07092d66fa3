import type { CaseStatus } from '$lib/casework';
import type { Role } from '$lib/domain';
import { dayInGermany } from '$lib/i18n/format';
import type { Locale } from '$lib/i18n/locales';
import { hashPassword } from '../auth/password';
import { openCaseIn } from '../cases/rows';
import { db } from '../db';
import { assignments, households, organisations, participants, users } from '../db/schema';
import type { AppointmentInput } from '../appointments/schema';
import { systemAccess, type Actor, type FullAccess } from '../policy';
import { createSession, generateSessionToken } from '../auth/session';

let counter = 0;
const next = () => ++counter;

let cachedHash: string | null = null;
export const TEST_PASSWORD = 'correct horse battery';
async function passwordHash() {
	cachedHash ??= await hashPassword(TEST_PASSWORD);
	return cachedHash;
}

export async function makeOrganisation(kind: 'county' | 'town' | 'welfare' = 'county', name = `Org ${next()}`) {
	const row = { id: crypto.randomUUID(), name, kind };
	await db.insert(organisations).values(row);
	return row;
}

export async function makeUser(
	role: Exclude<Role, 'participant'>,
	organisationId: string | null,
	overrides: Partial<typeof users.$inferInsert> = {}
) {
	const n = next();
	const row = {
		id: crypto.randomUUID(),
		username: `${role}${n}`,
		displayName: `${role} ${n}`,
		role,
		organisationId,
		passwordHash: await passwordHash(),
		...overrides
	};
	await db.insert(users).values(row);
	return row;
}

export async function makeParticipant(opts: {
	organisationId: string;
	townId: string;
	caseworkerId?: string;
	withAccount?: boolean;
	language?: Locale;
	familyName?: string;
	householdId?: string;
	/** The case's status; active (period started today) unless a test needs another. */
	caseStatus?: CaseStatus;
}) {
	const n = next();
	let userId: string | null = null;
	if (opts.withAccount) {
		userId = crypto.randomUUID();
		await db.insert(users).values({
			id: userId,
			username: `participant${n}`,
			displayName: `P ${n}`,
			role: 'participant',
			passwordHash: await passwordHash()
		});
	}
	const row = {
		id: crypto.randomUUID(),
		organisationId: opts.organisationId,
		townId: opts.townId,
		givenName: `Given${n}`,
		familyName: opts.familyName ?? `Family${n}`,
		residenceStatus: 'refugee' as const,
		language: opts.language ?? ('ar' as const),
		userId,
		householdId: opts.householdId ?? null
	};
	if (row.householdId !== null) {
		await db.insert(households).values({ id: row.householdId, name: row.familyName }).onConflictDoNothing();
	}
	await db.insert(participants).values(row);
	const status = opts.caseStatus ?? 'active';
	db.transaction((tx) =>
		openCaseIn(tx, row.id, {
			actorId: null,
			status,
			periodStartsOn: status === 'referred' ? null : dayInGermany()
		})
	);
	if (opts.caseworkerId !== undefined) {
		await db.insert(assignments).values({ participantId: row.id, caseworkerId: opts.caseworkerId });
	}
	return row;
}

/** Reads a participant's data in a spec without a person's relation: what the code under test wrote. */
export function fixtureAccess(participantId: string): FullAccess {
	return systemAccess(participantId, 'test_fixture');
}

export function actorOf(
	user: { id: string; role: Role; organisationId: string | null },
	participantId: string | null = null
): Actor {
	return { id: user.id, role: user.role, organisationId: user.organisationId, participantId };
}

/** A small installation: one county with a town, a second organisation, staff of each kind and three participants. */
export async function makeWorld() {
	const county = await makeOrganisation('county');
	const town = await makeOrganisation('town');
	const welfare = await makeOrganisation('welfare');
	const caseworker = await makeUser('caseworker', county.id);
	const otherCaseworker = await makeUser('caseworker', county.id);
	const welfareCaseworker = await makeUser('caseworker', welfare.id);
	const lead = await makeUser('lead', county.id);
	const welfareLead = await makeUser('lead', welfare.id);
	const admin = await makeUser('admin', null);
	const volunteer = await makeUser('volunteer', null);
	const participant = await makeParticipant({
		organisationId: county.id,
		townId: town.id,
		caseworkerId: caseworker.id,
		withAccount: true
	});
	const neighbour = await makeParticipant({
		organisationId: county.id,
		townId: town.id,
		caseworkerId: otherCaseworker.id,
		withAccount: true
	});
	const welfareCase = await makeParticipant({
		organisationId: welfare.id,
		townId: town.id,
		caseworkerId: welfareCaseworker.id
	});
	return {
		county,
		town,
		welfare,
		caseworker,
		otherCaseworker,
		welfareCaseworker,
		lead,
		welfareLead,
		admin,
		volunteer,
		participant,
		neighbour,
		welfareCase
	};
}

/** A filled-in "new appointment" form: a doctor's appointment 10:00–11:00 on `date`, nothing else set. */
export function appointmentInput(date: string, overrides: Partial<AppointmentInput> = {}): AppointmentInput {
	return {
		kind: 'doctor',
		title: '',
		date,
		start: '10:00',
		end: '11:00',
		place: '',
		address: '',
		directions: '',
		bring: [],
		bringNote: '',
		note: '',
		companionId: '',
		staffTakesPart: '',
		agreed: '',
		...overrides
	};
}

/** A signed-in device of the user: the id of a fresh session. */
export async function makeSession(userId: string, role: Role = 'volunteer'): Promise<string> {
	return (await createSession(generateSessionToken(), userId, role)).id;
}
