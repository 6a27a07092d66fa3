import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { appointments, auditLog, cases, consents, handovers } from '../db/schema';
import { parseForm } from '../forms';
import { caseWorkAccess, type CaseWorkAccess } from '../policy';
import { actorOf, makeWorld } from '../testing/factories';
import { recordHandover } from './handover';
import { readCase, readOwnCase } from './read';
import { closeSchema, extensionSchema, handoverSchema, transferSchema, type HandoverFields } from './schema';
import { transferCase } from './transfer';

let world: Awaited<ReturnType<typeof makeWorld>>;
let access: CaseWorkAccess;
beforeEach(async () => {
	world = await makeWorld();
	access = (await caseWorkAccess(actorOf(world.caseworker), world.participant.id))!;
});

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.append(k, v);
	return data;
};
const seen = async () => {
	const [row] = await db.select().from(cases).where(eq(cases.participantId, world.participant.id));
	return { status: row.status, version: row.version };
};
const handover = (overrides: Partial<HandoverFields> = {}): HandoverFields => {
	const parsed = parseForm(
		handoverSchema,
		form({ seenStatus: 'active', seenVersion: '1', handoverService: 'Sozialdienst GU', allocatedOn: '2026-01-05' })
	);
	if (!parsed.ok) throw new Error('fixture');
	return { ...parsed.output, ...overrides };
};

describe('bad input gets a localised message and writes nothing', () => {
	it('unknown codes, absurd lengths, future dates, bad times', () => {
		const close = parseForm(closeSchema, form({ seenStatus: 'active', seenVersion: '1', closureReason: 'bored' }));
		expect(close.ok ? null : close.failure.data.errors).toEqual({ closureReason: 'case.closure_reason_required' });
		const months = parseForm(
			extensionSchema,
			form({ seenStatus: 'active', seenVersion: '1', months: '60', reason: 'x' })
		);
		expect(months.ok ? null : months.failure.data.errors).toEqual({ months: 'case.extension_months_invalid' });
		const noReason = parseForm(extensionSchema, form({ seenStatus: 'active', seenVersion: '1', months: '48' }));
		expect(noReason.ok ? null : noReason.failure.data.errors).toEqual({ reason: 'form.required' });
		const future = parseForm(
			handoverSchema,
			form({ seenStatus: 'active', seenVersion: '1', handoverService: 'GU', allocatedOn: '2999-01-01' })
		);
		expect(future.ok ? null : future.failure.data.errors).toEqual({ allocatedOn: 'form.date_invalid' });
		const time = parseForm(
			transferSchema,
			form({ seenStatus: 'active', seenVersion: '1', target: 'mbe', date: '2026-02-30', start: '25:00' })
		);
		expect(time.ok ? null : Object.keys(time.failure.data.errors).sort()).toEqual(['date', 'start']);
		const stale = parseForm(closeSchema, form({ closureReason: 'goals_reached' }));
		expect(stale.ok ? null : stale.failure.data.errors.seenStatus).toBe('form.changed_meanwhile');
	});
});

describe('a handover for a person already recorded', () => {
	it('needs a consent: none, or one of another person, is refused', async () => {
		expect(await recordHandover(access, handover(), await seen())).toMatchObject({
			ok: false,
			reason: 'case.handover_consent_required'
		});
		const [theirs] = await db
			.insert(consents)
			.values({
				id: crypto.randomUUID(),
				participantId: world.neighbour.id,
				granteeKind: 'service',
				granteeName: 'Integrationsmanagement',
				purpose: 'Übergabe',
				scopes: [],
				validFrom: new Date(),
				validUntil: new Date(Date.now() + 86_400_000),
				givenVia: 'paper',
				recordedBy: world.caseworker.id,
				noticeVersion: '1',
				noticeLocale: 'ar'
			})
			.returning();
		expect(await recordHandover(access, handover({ consentId: theirs.id }), await seen())).toMatchObject({
			ok: false,
			field: 'consentId'
		});
		expect(await db.select().from(handovers)).toHaveLength(0);
	});

	it('records service, allocation, open matters and eligibility; the case page shows them, audited', async () => {
		const input = handover({
			paperConsentOn: '2026-01-04',
			eligibility: 'temporary_protection',
			matter_housing: 'Wohnung gesucht'
		});
		expect(await recordHandover(access, input, await seen())).toEqual({ ok: true });
		const read = await readCase(access);
		expect(read.case).toMatchObject({ allocatedOn: '2026-01-05', eligibility: 'temporary_protection' });
		expect(read.handover).toMatchObject({ service: 'Sozialdienst GU', openMatters: { housing: 'Wohnung gesucht' } });
		expect(read.events.map((e) => e.kind)).toEqual(['handover_received', 'opened']);
		const viewed = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'case.viewed'), eq(auditLog.participantId, world.participant.id)));
		expect(viewed).toHaveLength(1);
	});

	it('the person reads her own case without an audit entry about herself', async () => {
		const own = (await caseWorkAccess(
			actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id),
			world.participant.id
		))!;
		expect(await readOwnCase(own)).toMatchObject({ status: 'active', closureReason: null });
		const viewed = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'case.viewed'), eq(auditLog.participantId, world.participant.id)));
		expect(viewed).toHaveLength(0);
	});
});

describe('a transfer that loses the race', () => {
	it('takes back the appointment it made: nothing is left behind', async () => {
		const shown = await seen();
		const date = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
		const input = {
			seenStatus: 'active',
			seenVersion: 1,
			target: 'jmd' as const,
			serviceId: '',
			serviceName: 'JMD Ludwigsburg',
			appointmentId: '',
			date,
			start: '09:00',
			end: '10:00',
			note: ''
		};
		const [first, second] = await Promise.all([transferCase(access, input, shown), transferCase(access, input, shown)]);
		expect([first.ok, second.ok].sort()).toEqual([false, true]);
		const made = await db.select().from(appointments).where(eq(appointments.participantId, world.participant.id));
		expect(made.map((a) => a.status).sort()).toEqual(['cancelled', 'confirmed']);
	});
});
