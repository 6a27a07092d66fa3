import type { NetworkingGroup } from '$lib/casework';
import { addDays, berlinParts } from '../appointments/time';
import type { networkingContacts } from '../db/schema';
import { between, pick, weighted, workingTime, type Rand } from './random-time';

const NETWORKING: [NetworkingGroup, number, string[]][] = [
	[
		'authorities',
		25,
		[
			'Jobcenter: Absprache Eingliederungsvereinbarung',
			'Ausländerbehörde: Terminvergabe',
			'Agentur für Arbeit: Berufsberatung'
		]
	],
	['integration_services', 14, ['MBE: Fallübergabe besprochen', 'Sprachkursträger: freie Plätze B1']],
	['own_administration', 12, ['Teambesprechung Integrationsmanagement', 'Sozialamt: Zuständigkeiten geklärt']],
	['social_services', 12, ['Schuldnerberatung: Wartezeiten', 'Psychosoziales Zentrum: Kapazitäten']],
	['refugee_volunteers', 10, ['Freundeskreis Asyl: Patenschaften', 'Helferkreis: Fahrdienst organisiert']],
	['shelter_social_work', 8, ['FSA: Übergaben der nächsten Zuweisungen']],
	['employers', 6, ['Pflegeheim: Praktikumsplätze', 'Handwerksbetrieb: Ausbildungsstellen']],
	['other_associations', 5, ['Sportverein: Angebote für Kinder']],
	['religious_communities', 3, ['Moscheegemeinde: Elterncafé']],
	['other', 5, ['Wohnungsbaugesellschaft: freie Wohnungen']]
];

/** About three networking contacts a working day for the past year: what integration managers report. */
export function networkingFor(rand: Rand, caseworker: { id: string; organisationId: string }) {
	const rows: (typeof networkingContacts.$inferInsert)[] = [];
	for (let daysAgo = 365; daysAgo >= 1; daysAgo--) {
		const date = addDays(berlinParts(new Date()).date, -daysAgo);
		if ([0, 6].includes(new Date(`${date}T12:00:00Z`).getUTCDay())) continue;
		const count = weighted(rand, [
			[1, 1],
			[2, 3],
			[3, 4],
			[4, 2],
			[5, 1]
		]);
		for (let n = 0; n < count; n++) {
			const group = weighted(
				rand,
				NETWORKING.map(([g, w]) => [g, w] as [NetworkingGroup, number])
			);
			const form = weighted(rand, [
				['phone', 55],
				['digital', 25],
				['meeting', 20]
			] as ['phone' | 'digital' | 'meeting', number][]);
			const occurredAt = workingTime(rand, daysAgo);
			rows.push({
				id: crypto.randomUUID(),
				caseworkerId: caseworker.id,
				organisationId: caseworker.organisationId,
				occurredAt,
				group,
				form,
				durationMinutes: form === 'meeting' ? between(rand, 45, 120) : between(rand, 5, 30),
				note: pick(rand, NETWORKING.find(([g]) => g === group)![2]),
				createdAt: occurredAt,
				updatedAt: occurredAt
			});
		}
	}
	return rows;
}
