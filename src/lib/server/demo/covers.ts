import { dayInGermany } from '$lib/i18n/format';
import { db } from '../db';
import { covers } from '../db/schema';

const DAY = 86_400_000;
const day = (offset: number) => dayInGermany(new Date(Date.now() + offset * DAY));

/**
 * Two covers that tell the story: Sabine Keller covered Leyla Aydin's whole caseload during her holiday, which
 * ended yesterday (so those cases are gone from Sabine's list again), and this week she covers one of Leyla's
 * cases while Leyla is at a training course.
 */
export async function seedDemoCovers(
	lead: { id: string },
	sabine: { id: string },
	leyla: { id: string },
	oneCase: string
) {
	await db.insert(covers).values([
		{
			id: crypto.randomUUID(),
			absentId: leyla.id,
			coverId: sabine.id,
			startsOn: day(-15),
			endsOn: day(-1),
			note: 'Urlaub von Frau Aydin. Dringendes bitte telefonisch klären, Termine nur bei Fristen.',
			createdBy: lead.id
		},
		{
			id: crypto.randomUUID(),
			absentId: leyla.id,
			coverId: sabine.id,
			participantId: oneCase,
			startsOn: day(-1),
			endsOn: day(4),
			note: 'Frau Aydin ist auf Fortbildung. Jobcenter-Termin am Donnerstag bitte begleiten.',
			createdBy: lead.id
		}
	]);
}
