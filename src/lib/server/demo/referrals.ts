import { asc, eq } from 'drizzle-orm';
import { saveAssessment, type AssessmentInput } from '../cases/assessment';
import { db } from '../db';
import { goals } from '../db/schema';
import { writeNote } from '../notes';
import { caseWorkAccess, type Actor } from '../policy';
import { changeReferralStatus, makeReferral } from '../referrals';
import { addService } from '../referrals/directory';
import { DIRECTORY } from './directory';

type Person = { id: string; caseworker: Actor | null };

/** The county's directory: the services integration managers in Landkreis Ludwigsburg refer people to. */
export async function seedDemoDirectory(admin: Actor, countyId: string): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	for (const entry of DIRECTORY) ids.set(entry.name, (await addService(admin, countyId, entry))!);
	return ids;
}

const ENTRY: Record<'ar' | 'ti' | 'fa', Omit<AssessmentInput, 'note'> & { note: string }> = {
	ar: {
		germanLevel: 'a2',
		schooling: 'secondary',
		recognition: 'in_progress',
		work: 'language_course',
		housing: 'follow_up_housing',
		benefits: 'sgb2',
		childrenCare: 'looking',
		residenceStatus: 'refugee',
		residenceExpiresOn: '2027-06-30',
		note: 'Ausbildung als Schneiderin in Aleppo; Anerkennung über die IHK FOSA angefragt.'
	},
	ti: {
		germanLevel: 'a1',
		schooling: 'primary',
		recognition: 'not_needed',
		work: 'job_search',
		housing: 'shared_housing',
		benefits: 'sgb2',
		childrenCare: 'no_children',
		residenceStatus: 'subsidiary_protection',
		residenceExpiresOn: '2026-12-15',
		note: ''
	},
	fa: {
		germanLevel: 'none',
		schooling: 'university',
		recognition: 'not_started',
		work: 'none',
		housing: 'follow_up_housing',
		benefits: 'asylblg',
		childrenCare: 'all_placed',
		residenceStatus: 'gestattung',
		residenceExpiresOn: null,
		note: 'Lehramtsstudium in Herat; Zeugnisse liegen im Original vor.'
	}
};

/** Entry assessments, referrals in different states and a few notes for the three showcase participants. */
export async function seedDemoCaseWork(showcase: Record<'ar' | 'ti' | 'fa', Person>, services: Map<string, string>) {
	for (const key of ['ar', 'ti', 'fa'] as const) {
		const person = showcase[key];
		if (person.caseworker === null) continue;
		const access = await caseWorkAccess(person.caseworker, person.id);
		if (access === null) continue;
		saveAssessment(access, 'entry', ENTRY[key], 0);
		const refer = async (
			name: string,
			sharesData: boolean,
			note: string,
			path: ('accepted' | 'attended' | 'failed')[]
		) => {
			const made = await makeReferral(access, { serviceId: services.get(name)!, sharesData, note });
			if (!made.ok) return;
			let seen = { status: 'made', version: 1 };
			for (const to of path) {
				await changeReferralStatus(access, made.id, to, seen);
				seen = { status: to, version: seen.version + 1 };
			}
		};
		if (key === 'ar') {
			// Amina's paper consent names the Jobcenter: this referral passes her data on.
			await refer('Jobcenter Landkreis Ludwigsburg', true, 'Bürgergeld-Weiterbewilligung, Unterlagen vorab gemailt', [
				'accepted'
			]);
			await refer('Volkshochschule Ludwigsburg – Integrationskurse', false, 'Einstufungstest', [
				'accepted',
				'attended'
			]);
			const [goal] = await db
				.select({ id: goals.id })
				.from(goals)
				.where(eq(goals.participantId, person.id))
				.orderBy(asc(goals.position))
				.limit(1);
			writeNote(access, {
				subject: goal === undefined ? 'case' : 'goal',
				goalId: goal?.id ?? null,
				contactId: null,
				body: 'Bitte bringen Sie zum Termin beim Jobcenter den Mietvertrag und die Kontoauszüge der letzten drei Monate mit.',
				language: 'de',
				sharedWithParticipant: true,
				sensitive: false
			});
			writeNote(access, {
				subject: 'case',
				goalId: null,
				contactId: null,
				body: 'Ehemann wartet auf Familiennachzug; Botschaftstermin in Beirut noch offen.',
				language: 'de',
				sharedWithParticipant: false,
				sensitive: false
			});
		}
		if (key === 'ti') {
			await refer(
				'Migrationsberatung für Erwachsene (MBE) – Caritas Ludwigsburg-Waiblingen-Enz',
				false,
				'Übergang nach Ende der Betreuung vorbereiten',
				[]
			);
			await refer('Agentur für Arbeit Ludwigsburg', false, '', ['failed']);
		}
		if (key === 'fa') {
			await refer('Psychosoziales Zentrum für Geflüchtete (PSZ) Ludwigsburg', false, 'Selbst angemeldet, Wartezeit', [
				'accepted'
			]);
			writeNote(access, {
				subject: 'case',
				goalId: null,
				contactId: null,
				body: 'Berichtet von Schlafstörungen und Albträumen seit der Flucht; möchte nicht, dass der Ehemann davon erfährt. PSZ-Termin angeregt.',
				language: 'de',
				sharedWithParticipant: false,
				sensitive: true
			});
		}
	}
}
