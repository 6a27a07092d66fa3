import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dayInGermany } from '$lib/i18n/format';
import { recordAudit } from '../audit';
import { db } from '../db';
import { auditLog, caseEvents, cases, covers } from '../db/schema';
import { openParticipant } from '../participants';
import { searchCaseload, parseCaseloadFilters } from '../participants/caseload';
import { caseWorkAccess, type Actor } from '../policy';
import { accessPage } from '../rights/access-log';
import { actorOf, fixtureAccess, makeParticipant, makeUser, makeWorld } from '../testing/factories';
import { coverBehind, coversOf, coverToday } from './covered';
import { endCover, giveCover } from './covers';

type World = Awaited<ReturnType<typeof makeWorld>>;
let world: World;
let lead: Actor;
let absent: Actor;
let colleague: Actor;

// The policy asks the clock for today's German day; only Date is faked, the database keeps its own timers.
function at(day: string) {
	vi.setSystemTime(new Date(`${day}T10:00:00Z`));
}

beforeEach(async () => {
	vi.useFakeTimers({ toFake: ['Date'] });
	at('2027-03-02');
	world = await makeWorld();
	lead = actorOf(world.lead);
	absent = actorOf(world.caseworker);
	colleague = actorOf(world.otherCaseworker);
});
afterEach(() => vi.useRealTimers());

const input = (overrides: Record<string, string> = {}) => ({
	absentId: world.caseworker.id,
	coverId: world.otherCaseworker.id,
	participantId: '',
	startsOn: '2027-03-02',
	endsOn: '2027-03-13',
	note: 'Urlaub',
	...overrides
});

async function caseloadIds(actor: Actor) {
	return (await searchCaseload(actor, parseCaseloadFilters(new URLSearchParams()))).rows.map((r) => r.id);
}

describe('cover', () => {
	it('applies on the covered days only and ends by itself', async () => {
		expect(await caseWorkAccess(colleague, world.participant.id)).toBeNull();
		const given = await giveCover(lead, input({ startsOn: '2027-03-03' }));
		expect(given).toMatchObject({ ok: true });
		// Planned for tomorrow: nothing yet.
		expect(await caseWorkAccess(colleague, world.participant.id)).toBeNull();
		expect(await caseloadIds(colleague)).not.toContain(world.participant.id);

		at('2027-03-03');
		expect((await caseWorkAccess(colleague, world.participant.id))?.relation).toBe('covering_caseworker');
		expect(await caseloadIds(colleague)).toContain(world.participant.id);
		// The colleague's own cases and the absent one's other organisation stay as they were.
		expect(await caseWorkAccess(colleague, world.welfareCase.id)).toBeNull();

		at('2027-03-13');
		expect((await caseWorkAccess(colleague, world.participant.id))?.relation).toBe('covering_caseworker');
		// The participant sees who stands in, and until when.
		expect(await coverToday(fixtureAccess(world.participant.id), '2027-03-13')).toMatchObject({
			name: world.otherCaseworker.displayName,
			endsOn: '2027-03-13'
		});
		expect(await coverToday(fixtureAccess(world.participant.id), '2027-03-14')).toBeNull();
		at('2027-03-14');
		expect(await caseWorkAccess(colleague, world.participant.id)).toBeNull();
		expect(await caseloadIds(colleague)).not.toContain(world.participant.id);
		// The absent caseworker never lost the case.
		expect((await caseWorkAccess(absent, world.participant.id))?.relation).toBe('assigned_caseworker');
		expect((await coversOf(world.county.id)).map((c) => c.state)).toEqual(['ended']);
	});

	it('covers one case only, with an event on that case', async () => {
		const second = await makeParticipant({
			organisationId: world.county.id,
			townId: world.town.id,
			caseworkerId: world.caseworker.id
		});
		const given = await giveCover(lead, input({ participantId: second.id }));
		expect(given).toMatchObject({ ok: true });
		expect((await caseWorkAccess(colleague, second.id))?.relation).toBe('covering_caseworker');
		expect(await caseWorkAccess(colleague, world.participant.id)).toBeNull();
		const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.participantId, second.id));
		const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id));
		expect(events.map((e) => e.kind)).toContain('cover_started');
	});

	it('two taps on "arrange cover" give one cover', async () => {
		const taps = await Promise.all([giveCover(lead, input()), giveCover(lead, input())]);
		expect(taps.filter((t) => 'ok' in t)).toHaveLength(1);
		expect(taps.filter((t) => 'reason' in t)).toEqual([{ reason: 'cover.overlaps' }]);
		expect(await db.select().from(covers).where(eq(covers.coverId, world.otherCaseworker.id))).toHaveLength(1);
	});

	it('ends early once: the second tap is "changed meanwhile"', async () => {
		const given = await giveCover(lead, input());
		if (!('ok' in given)) throw new Error(given.reason);
		expect((await caseWorkAccess(colleague, world.participant.id))?.relation).toBe('covering_caseworker');
		const [first, second] = await Promise.all([endCover(lead, given.id), endCover(lead, given.id)]);
		expect([first, second].filter((r) => 'ok' in r)).toHaveLength(1);
		expect([first, second].filter((r) => 'reason' in r)).toEqual([{ reason: 'form.changed_meanwhile' }]);
		expect(await caseWorkAccess(colleague, world.participant.id)).toBeNull();
		// Another organisation's lead does not even find it.
		expect(await endCover(actorOf(world.welfareLead), given.id)).toEqual({ reason: 'error.not_found' });
	});

	it('refuses other organisations, caseworkers, unknown cases and bad dates; writes nothing', async () => {
		const before = (await db.select().from(covers)).length;
		const refusals = [
			await giveCover(actorOf(world.welfareLead), input()),
			await giveCover(absent, input()),
			await giveCover(lead, input({ coverId: world.welfareCaseworker.id })),
			await giveCover(lead, input({ absentId: world.welfareCaseworker.id })),
			await giveCover(lead, input({ coverId: world.caseworker.id })),
			await giveCover(lead, input({ participantId: world.neighbour.id })),
			await giveCover(lead, input({ participantId: world.welfareCase.id })),
			await giveCover(lead, input({ startsOn: '2027-03-10', endsOn: '2027-03-09' })),
			await giveCover(lead, input({ startsOn: '2027-02-01', endsOn: '2027-03-01' })),
			await giveCover(lead, input({ endsOn: '2028-06-01' }))
		];
		expect(refusals.map((r) => ('reason' in r ? r.reason : 'ok'))).toEqual([
			'cover.absent_unknown',
			'error.not_found',
			'cover.colleague_unknown',
			'cover.absent_unknown',
			'cover.colleague_unknown',
			'cover.case_unknown',
			'cover.case_unknown',
			'cover.ends_before_start',
			'cover.ends_in_past',
			'cover.too_long'
		]);
		expect(await db.select().from(covers)).toHaveLength(before);
	});

	it('after expiry the whole matrix is 404 for the colleague, and a deactivated colleague cannot be chosen', async () => {
		const given = await giveCover(lead, input({ endsOn: '2027-03-02' }));
		expect(given).toMatchObject({ ok: true });
		at('2027-03-03');
		for (const id of [world.participant.id, world.welfareCase.id]) {
			expect(await caseWorkAccess(colleague, id)).toBeNull();
		}
		const inactive = await makeUser('caseworker', world.county.id, { active: false });
		expect(await giveCover(lead, input({ coverId: inactive.id, startsOn: '2027-03-03' }))).toMatchObject({
			reason: 'cover.colleague_unknown'
		});
	});

	it('audits every look under cover and shows it to the participant as "covering for NAME"', async () => {
		await giveCover(lead, input());
		// A real read through the policy: the covering colleague opens the record, and that look is audited.
		await openParticipant(colleague, world.participant.id);
		const looks = await db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.actorId, colleague.id), eq(auditLog.participantId, world.participant.id)));
		expect(looks.map((l) => l.action)).toEqual(['participant.viewed']);
		await recordAudit({ actor: absent, action: 'participant.viewed', participantId: world.participant.id });
		const page = await accessPage(fixtureAccess(world.participant.id), world.participant.userId, null);
		const behind = await coverBehind(world.participant.id, page.rows);
		const named = page.rows.map((r) => [r.actorName, behind.get(r.id) ?? null]);
		expect(named).toContainEqual([world.otherCaseworker.displayName, world.caseworker.displayName]);
		expect(named).toContainEqual([world.caseworker.displayName, null]);
		expect(dayInGermany()).toBe('2027-03-02');
	});
});
