import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { grantConsent, withdrawConsent } from '../consent';
import { db } from '../db';
import { auditLog, caseEvents, cases, referrals } from '../db/schema';
import { caseWorkAccess, type CaseWorkAccess } from '../policy';
import { actorOf, makeOrganisation, makeParticipant, makeUser, makeWorld } from '../testing/factories';
import {
	activeServicesIn,
	addService,
	directoryCountiesOf,
	servicesPage,
	setServiceActive,
	updateService
} from './directory';
import { changeReferralStatus, makeReferral, referralsPage, REFERRAL_TRANSITIONS } from '.';
import { REFERRAL_STATUSES } from '$lib/casework';

let world: Awaited<ReturnType<typeof makeWorld>>;
let access: CaseWorkAccess;
let jobcenter: string;
const admin = () => actorOf(world.admin);
const service = (name: string, target: 'jobcenter' | 'mbe' = 'jobcenter') => ({
	target,
	name,
	address: 'Hindenburgstr. 30/1, 71638 Ludwigsburg',
	phone: '07141 9090',
	email: '',
	note: ''
});

beforeEach(async () => {
	world = await makeWorld();
	access = (await caseWorkAccess(actorOf(world.caseworker), world.participant.id))!;
	jobcenter = (await addService(admin(), world.county.id, service('Jobcenter Landkreis Ludwigsburg')))!;
});

async function jobcenterConsent() {
	return grantConsent(actorOf(world.caseworker), world.participant.id, {
		granteeKind: 'service',
		granteeName: 'jobcenter  landkreis Ludwigsburg',
		purpose: 'Bürgergeld-Antrag',
		scopes: ['contact.read'],
		months: 6,
		givenVia: 'paper',
		paperNote: 'Unterschrieben im Büro',
		noticeLocale: 'de'
	});
}

describe('the service directory', () => {
	it('is kept per county: a county reads its own, a town or welfare organisation every county on the installation', async () => {
		const other = await makeOrganisation('county');
		await addService(admin(), other.id, service('Jobcenter Rems-Murr'));
		expect(await directoryCountiesOf(world.county.id)).toEqual([world.county.id]);
		const fromTown = await directoryCountiesOf(world.town.id);
		expect(fromTown).toContain(world.county.id);
		expect(fromTown).toContain(other.id);
		const own = await activeServicesIn(await directoryCountiesOf(world.county.id));
		expect(own.map((s) => s.name)).toEqual(['Jobcenter Landkreis Ludwigsburg']);
	});

	it('only takes entries for an organisation of kind county', async () => {
		expect(await addService(admin(), world.town.id, service('Irgendwo'))).toBeNull();
	});

	it('pages by target and name and filters by target; a deactivated entry stays listed but is no longer offered', async () => {
		await addService(admin(), world.county.id, service('MBE Caritas', 'mbe'));
		const onlyMbe = await servicesPage(world.county.id, 'mbe', null);
		expect(onlyMbe.rows.map((s) => s.name)).toEqual(['MBE Caritas']);
		expect((await servicesPage(world.county.id, null, null)).total).toBe(2);
		expect(setServiceActive(admin(), jobcenter, 1, false)).toMatchObject({ ok: true });
		expect(setServiceActive(admin(), jobcenter, 1, false)).toEqual({ ok: false, reason: 'form.changed_meanwhile' });
		expect((await servicesPage(world.county.id, null, null)).total).toBe(2);
		expect((await activeServicesIn([world.county.id])).map((s) => s.name)).toEqual(['MBE Caritas']);
	});

	it('an edit made on an old version changes nothing', async () => {
		expect(updateService(admin(), jobcenter, 1, service('Jobcenter LB'))).toMatchObject({ ok: true });
		expect(updateService(admin(), jobcenter, 1, service('Jobcenter X'))).toEqual({
			ok: false,
			reason: 'form.changed_meanwhile'
		});
	});
});

describe('referrals', () => {
	it('a referral without passing data on needs no consent; it is audited and an event of the case', async () => {
		const made = await makeReferral(access, { serviceId: jobcenter, sharesData: false, note: '' });
		expect(made.ok).toBe(true);
		const [row] = await db.select().from(referrals).where(eq(referrals.participantId, world.participant.id));
		expect(row).toMatchObject({ status: 'made', target: 'jobcenter', sharesData: false, consentId: null });
		const [own] = await db.select().from(cases).where(eq(cases.participantId, world.participant.id));
		const events = await db
			.select()
			.from(caseEvents)
			.where(and(eq(caseEvents.kind, 'referral_changed'), eq(caseEvents.caseId, own.id)));
		expect(events.length).toBe(1);
		const audits = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'referral.made'), eq(auditLog.participantId, world.participant.id)));
		expect(audits).toHaveLength(1);
	});

	it('passing data on is refused without a consent naming the service, and writes nothing', async () => {
		const refused = await makeReferral(access, { serviceId: jobcenter, sharesData: true, note: '' });
		expect(refused).toEqual({ ok: false, reason: 'referrals.needs_consent' });
		expect(await db.select().from(referrals).where(eq(referrals.participantId, world.participant.id))).toHaveLength(0);
	});

	it('passing data on records the consent that names the service; a withdrawn consent no longer carries one', async () => {
		const { id: consentId } = await jobcenterConsent();
		const made = await makeReferral(access, { serviceId: jobcenter, sharesData: true, note: '' });
		expect(made.ok).toBe(true);
		const [row] = await db.select().from(referrals).where(eq(referrals.participantId, world.participant.id));
		expect(row.consentId).toBe(consentId);
		const self = actorOf(
			{ id: world.participant.userId!, role: 'participant', organisationId: null },
			world.participant.id
		);
		await withdrawConsent(self, world.participant.id, consentId);
		expect(await makeReferral(access, { serviceId: jobcenter, sharesData: true, note: '' })).toEqual({
			ok: false,
			reason: 'referrals.needs_consent'
		});
	});

	it('a consent naming another service does not count', async () => {
		const mbe = (await addService(admin(), world.county.id, service('MBE Caritas Ludwigsburg', 'mbe')))!;
		await jobcenterConsent();
		expect(await makeReferral(access, { serviceId: mbe, sharesData: true, note: '' })).toEqual({
			ok: false,
			reason: 'referrals.needs_consent'
		});
	});

	it('refuses a deactivated service, another county’s service and a closed case', async () => {
		setServiceActive(admin(), jobcenter, 1, false);
		expect(await makeReferral(access, { serviceId: jobcenter, sharesData: false, note: '' })).toEqual({
			ok: false,
			reason: 'referrals.service_unknown'
		});
		const other = await makeOrganisation('county');
		const elsewhere = (await addService(admin(), other.id, service('Jobcenter Rems-Murr')))!;
		expect(await makeReferral(access, { serviceId: elsewhere, sharesData: false, note: '' })).toMatchObject({
			ok: false,
			reason: 'referrals.service_unknown'
		});
		const open = (await addService(admin(), world.county.id, service('Jobcenter offen')))!;
		await db.update(cases).set({ status: 'closed' }).where(eq(cases.participantId, world.participant.id));
		expect(await makeReferral(access, { serviceId: open, sharesData: false, note: '' })).toEqual({
			ok: false,
			reason: 'referrals.case_closed'
		});
	});

	it('moves made → accepted → attended and refuses every other step', async () => {
		for (const from of REFERRAL_STATUSES) {
			for (const to of REFERRAL_STATUSES) {
				const allowed = REFERRAL_TRANSITIONS[from].includes(to);
				expect(allowed, `${from} → ${to}`).toBe(
					(from === 'made' && (to === 'accepted' || to === 'failed')) ||
						(from === 'accepted' && (to === 'attended' || to === 'failed'))
				);
			}
		}
		const made = await makeReferral(access, { serviceId: jobcenter, sharesData: false, note: '' });
		if (!made.ok) throw new Error('not made');
		expect(await changeReferralStatus(access, made.id, 'attended', { status: 'made', version: 1 })).toEqual({
			ok: false,
			reason: 'referrals.transition_refused'
		});
		expect(await changeReferralStatus(access, made.id, 'accepted', { status: 'made', version: 1 })).toEqual(made);
		expect(await changeReferralStatus(access, made.id, 'attended', { status: 'made', version: 1 })).toEqual({
			ok: false,
			reason: 'form.changed_meanwhile'
		});
		expect(await changeReferralStatus(access, made.id, 'attended', { status: 'accepted', version: 2 })).toEqual(made);
		const changes = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'referral.status_changed'), eq(auditLog.participantId, world.participant.id)));
		expect(changes).toHaveLength(2);
	});

	it('two status changes sent at once: one wins, the other is "changed meanwhile"', async () => {
		const made = await makeReferral(access, { serviceId: jobcenter, sharesData: false, note: '' });
		if (!made.ok) throw new Error('not made');
		const seen = { status: 'made', version: 1 };
		const results = await Promise.all([
			changeReferralStatus(access, made.id, 'accepted', seen),
			changeReferralStatus(access, made.id, 'failed', seen)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results).toContainEqual({ ok: false, reason: 'form.changed_meanwhile' });
		const [row] = await db.select().from(referrals).where(eq(referrals.id, made.id));
		expect(row.version).toBe(2);
		const changes = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'referral.status_changed'), eq(auditLog.participantId, world.participant.id)));
		expect(changes).toHaveLength(1);
	});

	it('a staff look at the list is audited; another participant’s referral cannot be changed', async () => {
		const made = await makeReferral(access, { serviceId: jobcenter, sharesData: false, note: '' });
		if (!made.ok) throw new Error('not made');
		const page = await referralsPage(access, null);
		expect(page.rows.map((r) => r.serviceName)).toEqual(['Jobcenter Landkreis Ludwigsburg']);
		expect(
			await db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.action, 'referrals.viewed'), eq(auditLog.participantId, world.participant.id)))
		).toHaveLength(1);
		const neighbourAccess = (await caseWorkAccess(actorOf(world.otherCaseworker), world.neighbour.id))!;
		expect(await changeReferralStatus(neighbourAccess, made.id, 'accepted', { status: 'made', version: 1 })).toEqual({
			ok: false,
			reason: 'referrals.transition_refused'
		});
	});
});

describe('who reaches a person’s referrals (the policy answers, routes turn null into 404)', () => {
	it('volunteer, unassigned caseworker, another organisation’s staff and an admin get nothing', async () => {
		const pid = world.participant.id;
		const stranger = await makeUser('caseworker', world.county.id);
		for (const user of [
			world.volunteer,
			world.otherCaseworker,
			world.welfareCaseworker,
			world.welfareLead,
			world.admin,
			stranger
		]) {
			expect(await caseWorkAccess(actorOf(user), pid), user.username).toBeNull();
		}
		const other = await makeParticipant({ organisationId: world.county.id, townId: world.town.id, withAccount: true });
		const otherSelf = actorOf({ id: other.userId!, role: 'participant', organisationId: null }, other.id);
		expect(await caseWorkAccess(otherSelf, pid)).toBeNull();
		expect((await caseWorkAccess(actorOf(world.lead), pid))?.recordWork).toBe(true);
	});
});
