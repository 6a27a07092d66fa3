// The course of a case in the demo: a handover waiting for its first contact, a period near its end with an
// extension waiting for the lead, and a closed case (transferred to the MBE) whose person has an account.
// Written through the domain's own writers, so events and audit entries are what the app itself would write.
import { eq } from 'drizzle-orm';
import { dayInGermany } from '$lib/i18n/format';
import { changeCourse, closeCase } from '../cases/course';
import { addMonths } from '../cases/period';
import { requestExtension } from '../cases/requests';
import { caseOfIn, startPeriodIn } from '../cases/rows';
import type { HandoverFields } from '../cases/schema';
import { transferCase } from '../cases/transfer';
import { db } from '../db';
import { cases, participants, users } from '../db/schema';
import { createParticipant } from '../participants';
import { caseWorkAccess, type Actor } from '../policy';

type Staff = { id: string; organisationId: string | null };

const noMatters = {
	matter_language: '',
	matter_education: '',
	matter_training: '',
	matter_work: '',
	matter_housing: '',
	matter_health: '',
	matter_family: '',
	matter_residence: '',
	matter_money: '',
	matter_social: ''
};

function handover(allocatedOn: string, matters: Partial<typeof noMatters>): HandoverFields {
	return {
		handoverService: 'Sozialdienst GU Ludwigsburg, Schwieberdinger Straße',
		handoverPerson: 'Frau Berger',
		handoverPhone: '07141 144-3310',
		allocatedOn,
		eligibility: 'follow_up_housing',
		mattersLanguage: 'de',
		consentId: '',
		paperConsentOn: allocatedOn,
		...noMatters,
		...matters
	};
}

async function access(actor: Actor, participantId: string) {
	const granted = await caseWorkAccess(actor, participantId);
	if (granted === null) throw new Error('demo: no access to a case it just made');
	return granted;
}

async function seen(participantId: string) {
	const [row] = await db.select().from(cases).where(eq(cases.participantId, participantId));
	return { status: row.status, version: row.version };
}

export async function seedDemoCases(
	caseworker: Staff,
	townId: string,
	extensionCandidate: string,
	passwordHash: string
) {
	const actor: Actor = {
		id: caseworker.id,
		role: 'caseworker',
		organisationId: caseworker.organisationId,
		participantId: null
	};
	const today = dayInGermany();
	const person = (givenName: string, familyName: string, language: 'ti' | 'ar') => ({
		givenName,
		familyName,
		birthDate: '',
		residenceStatus: 'refugee' as const,
		language,
		townId,
		district: 'Kernstadt',
		householdId: '',
		phone: '',
		email: '',
		address: 'Gerlinger Str. 12, 71254 Ditzingen'
	});

	// 1. Handed over last week, moving in now: on Sabine Keller's caseload until the first contact.
	await createParticipant(
		actor,
		person('Yonas', 'Gebremedhin', 'ti'),
		handover(shiftDays(today, -7), {
			matter_housing: 'Zieht am Monatsende in die Anschlussunterbringung Gerlinger Str. 12.',
			matter_language: 'Wartet auf einen Platz im Integrationskurs (B1).',
			matter_money: 'Antrag auf Bürgergeld beim Jobcenter ist gestellt, Bescheid fehlt.'
		})
	);

	// 2. Month 32 of 36: an extension to a fourth year waits for the team lead.
	await db
		.update(cases)
		.set({ periodStartsOn: addMonths(today, -31) })
		.where(eq(cases.participantId, extensionCandidate));
	await requestExtension(
		await access(actor, extensionCandidate),
		{ months: 48, reason: 'Ausbildung zur Pflegehelferin beginnt im Herbst; Begleitung bis zur Probezeit nötig.' },
		await seen(extensionCandidate)
	);

	// 3. Counselled for two years, handed to the MBE at a meeting together, then closed.
	const created = await createParticipant(
		actor,
		person('Omar', 'Haddad', 'ar'),
		handover(addMonths(today, -26), { matter_work: 'Sucht Arbeit als Elektriker; Anerkennung offen.' })
	);
	if (!created.saved) throw new Error('demo: closed case not created');
	const id = created.id;
	// She reads her closure notice in the app: demo login "participant.closed".
	const userId = crypto.randomUUID();
	await db.insert(users).values({
		id: userId,
		username: 'participant.closed',
		passwordHash,
		displayName: 'Omar Haddad',
		role: 'participant',
		locale: 'ar'
	});
	await db.update(participants).set({ userId }).where(eq(participants.id, id));
	db.transaction((tx) => startPeriodIn(tx, caseOfIn(tx, id), addMonths(today, -25), actor.id));
	await changeCourse(await access(actor, id), 'pause', 'Längerer Aufenthalt bei Familie in Hamburg.', await seen(id));
	await changeCourse(await access(actor, id), 'resume', 'Zurück in Ditzingen.', await seen(id));
	const transferred = await transferCase(
		await access(actor, id),
		{
			seenStatus: 'active',
			seenVersion: 0,
			target: 'mbe',
			serviceId: '',
			serviceName: 'Migrationsberatung für Erwachsene, Caritas Ludwigsburg',
			appointmentId: '',
			date: shiftDays(today, -21),
			start: '10:00',
			end: '11:00',
			note: 'Gemeinsamer Termin bei der MBE; Unterlagen übergeben.'
		},
		await seen(id)
	);
	if (!transferred.ok) throw new Error(`demo: transfer refused (${transferred.reason})`);
	await closeCase(
		await access(actor, id),
		{ closureReason: 'transferred_mbe', note: 'Arbeit gefunden, weitere Fragen klärt die MBE.' },
		await seen(id)
	);
}

function shiftDays(day: string, days: number): string {
	const [y, m, d] = day.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
