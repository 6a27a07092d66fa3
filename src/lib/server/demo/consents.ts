import { acceptGrant, grantConsent } from '../consent';
import type { Actor } from '../policy';

/** Amina shares her plan and contact details with the demo volunteer, and her Jobcenter consent is on file. */
export async function seedDemoConsents(
	amina: { id: string; caseworker: Actor | null; self: Actor | null },
	volunteer: { id: string }
) {
	if (amina.self === null || amina.caseworker === null) return;
	const { code } = await grantConsent(amina.self, amina.id, {
		granteeKind: 'volunteer',
		granteeName: 'Ulrike (Helferkreis Ditzingen)',
		purpose: 'مساعدة في الرسائل والمواعيد',
		scopes: ['plan.read', 'contact.read'],
		months: 6,
		givenVia: 'app',
		noticeLocale: 'ar'
	});
	if (code !== null) {
		await acceptGrant({ id: volunteer.id, role: 'volunteer', organisationId: null, participantId: null }, code);
	}
	await grantConsent(amina.caseworker, amina.id, {
		granteeKind: 'service',
		granteeName: 'Jobcenter Landkreis Ludwigsburg',
		purpose: 'Abstimmung zum Bürgergeld-Antrag',
		scopes: ['contact.read', 'plan.read'],
		months: 12,
		givenVia: 'paper',
		paperNote: 'Unterschrieben am 12.11. im Büro, abgelegt in der Papierakte',
		noticeLocale: 'de'
	});
}
