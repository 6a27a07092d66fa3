import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { documents } from '../db/schema';
import { actorOf, makeWorld } from '../testing/factories';
import { asFile, pdf } from '../testing/files';
import { remindersFor, runReminders } from '../reminders';
import { documentReminders } from './reminders';
import { deleteDocument, updateDocument, uploadDocument } from './write';

let world: Awaited<ReturnType<typeof makeWorld>>;
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const at = (iso: string) => new Date(iso);

async function permit(expiresOn: string, participant = world.participant, actor = self()) {
	const result = await uploadDocument(
		actor,
		participant.id,
		{ category: 'residence_permit', title: 'Aufenthaltserlaubnis', expiresOn },
		[asFile(pdf(), 'eat.pdf')]
	);
	if (!result.ok) throw new Error(result.reason);
	return result.id;
}

beforeEach(async () => {
	world = await makeWorld();
});

describe('expiry reminders', () => {
	it('reminds the participant 8 weeks before, then 2 weeks before, and not after the date', async () => {
		const id = await permit('2027-03-01');
		expect(await documentReminders.due(at('2027-01-03T12:00:00Z'))).toEqual([]);
		expect(await documentReminders.due(at('2027-01-04T08:00:00Z'))).toEqual([
			{
				userId: world.participant.userId,
				participantId: world.participant.id,
				subject: 'document',
				subjectId: `${id}@2027-03-01`,
				offset: '8w',
				dueAt: at('2027-01-04T07:00:00Z')
			}
		]);
		expect((await documentReminders.due(at('2027-02-15T07:00:00Z'))).map((r) => r.offset)).toEqual(['2w']);
		expect(await documentReminders.due(at('2027-03-02T08:00:00Z'))).toEqual([]);
	});

	it('a paper added late gets only the reminder that fits, and nobody without an account is reminded', async () => {
		await permit('2026-12-01');
		expect((await documentReminders.due(at('2026-11-22T12:00:00Z'))).map((r) => r.offset)).toEqual(['2w']);
		await permit('2026-12-31', world.welfareCase, actorOf(world.welfareCaseworker));
		expect((await documentReminders.due(at('2026-11-22T12:00:00Z'))).map((r) => r.userId)).toEqual([
			world.participant.userId
		]);
	});

	it('describes the reminder in the reader’s language with the date and weeks left', async () => {
		const id = await permit('2027-03-01');
		const reminder = { subjectId: `${id}@2027-03-01`, offset: '8w', participantId: world.participant.id };
		expect(await documentReminders.describe(reminder, 'de', at('2027-01-04T08:00:00Z'))).toEqual({
			title: 'Läuft bald ab: \u2068Aufenthaltserlaubnis\u2069',
			body: 'Gültig bis 1. März 2027 – noch 8 Wochen. Bitte kümmern Sie sich rechtzeitig darum.',
			url: `/participants/${world.participant.id}/documents/${id}`
		});
		const fa = await documentReminders.describe(reminder, 'fa', at('2027-02-15T08:00:00Z'));
		expect(fa?.body).toContain('۲۰۲۷');
		expect(fa?.body).toContain('۲');
		const ar = await documentReminders.describe(reminder, 'ar', at('2027-02-15T08:00:00Z'));
		expect(ar?.body).toContain('أسبوعان');
	});

	it('no longer applies once the document is gone, renewed with another date, or past', async () => {
		const id = await permit('2027-03-01');
		const reminder = { subjectId: `${id}@2027-03-01`, offset: '2w', participantId: world.participant.id };
		expect(await documentReminders.describe(reminder, 'de', at('2027-03-02T08:00:00Z'))).toBeNull();
		await updateDocument(self(), world.participant.id, id, {
			category: 'residence_permit',
			title: 'Aufenthaltserlaubnis',
			expiresOn: '2029-03-01'
		});
		expect(await documentReminders.describe(reminder, 'de', at('2027-02-15T08:00:00Z'))).toBeNull();
		expect((await documentReminders.due(at('2029-01-10T08:00:00Z'))).map((r) => r.subjectId)).toEqual([
			`${id}@2029-03-01`
		]);
		await deleteDocument(self(), world.participant.id, id);
		expect(
			await documentReminders.describe({ ...reminder, subjectId: `${id}@2029-03-01` }, 'de', at('2029-01-10T08:00:00Z'))
		).toBeNull();
		expect(
			await documentReminders.describe({ ...reminder, subjectId: 'nonsense' }, 'de', at('2029-01-10T08:00:00Z'))
		).toBeNull();
	});

	it('reaches the participant through the reminder clock and the in-app list', async () => {
		const id = await permit('2027-03-01');
		await runReminders(at('2027-01-05T08:00:00Z'), [documentReminders]);
		await runReminders(at('2027-01-06T08:00:00Z'), [documentReminders]);
		const items = await remindersFor(world.participant.userId!, 'en', at('2027-01-06T08:00:00Z'), [documentReminders]);
		expect(items.map((i) => [i.offset, i.title, i.url])).toEqual([
			['8w', 'Expiring soon: \u2068Aufenthaltserlaubnis\u2069', `/participants/${world.participant.id}/documents/${id}`]
		]);
	});
});

// Dates in 2031, which no other test of this file reaches: the sweeps read every paper of the installation.
describe('the clock between two mornings', () => {
	it('reads only papers added or changed since its last run; the run across 07:00 UTC sweeps them all', async () => {
		const id = await permit('2031-03-01');
		// Due since the morning of 4 January: a run later that morning finds nothing new (07:00's run found it) …
		expect(await documentReminders.due(at('2031-01-04T09:00:00Z'), at('2031-01-04T08:59:00Z'))).toEqual([]);
		// … the run across 07:00 UTC sweeps every paper and finds it.
		expect(
			(await documentReminders.due(at('2031-01-04T07:00:30Z'), at('2031-01-04T06:59:30Z'))).map((r) => r.subjectId)
		).toEqual([`${id}@2031-03-01`]);
		// A paper uploaded at 09:30:20 (on the test's clock) is found by the run at 09:31, with the reminder that fits.
		const late = await permit('2031-02-10');
		await db
			.update(documents)
			.set({ updatedAt: at('2031-01-04T09:30:20Z') })
			.where(eq(documents.id, late));
		const found = await documentReminders.due(at('2031-01-04T09:31:00Z'), at('2031-01-04T09:30:00Z'));
		expect(found.map((r) => [r.subjectId, r.offset])).toEqual([[`${late}@2031-02-10`, '8w']]);
	});
});
