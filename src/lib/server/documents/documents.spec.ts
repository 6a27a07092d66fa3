import { readdirSync } from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { acceptGrant, grantConsent } from '../consent';
import { dataDir } from '../data-dir';
import { db } from '../db';
import { auditLog, documentFiles, documents } from '../db/schema';
import { actorOf, makeWorld, fixtureAccess } from '../testing/factories';
import { asFile, pdf, phonePhoto, windowsExecutable } from '../testing/files';
import { documentFlagsOf } from './caseload';
import { documentsForExport } from './export';
import { answerExplanation, askExplanation, openQuestionsFor } from './questions';
import { openDocument, openDocuments, openFile } from './read';
import { addPages, deleteDocument, updateDocument, uploadDocument } from './write';

let world: Awaited<ReturnType<typeof makeWorld>>;
const self = () =>
	actorOf({ id: world.participant.userId!, role: 'participant', organisationId: null }, world.participant.id);
const caseworker = () => actorOf(world.caseworker);
const pid = () => world.participant.id;
const storedFiles = () => readdirSync(dataDir('documents'));
const letter = { category: 'letters' as const, title: 'Brief vom Jobcenter', expiresOn: '' };

async function uploadLetter(actor = self(), files?: File[]) {
	const result = await uploadDocument(
		actor,
		pid(),
		letter,
		files ?? [asFile(await phonePhoto(), 'IMG_1.jpg', 'image/jpeg'), asFile(pdf(), 'page2.pdf')]
	);
	if (!result.ok) throw new Error(result.reason);
	return result.id;
}

async function shareWithVolunteer(scopes: ('documents.read.letters' | 'documents.read.health' | 'plan.read')[]) {
	const { code } = await grantConsent(self(), pid(), {
		granteeKind: 'volunteer',
		granteeName: 'Ulrike',
		purpose: 'Hilfe',
		scopes,
		months: 3,
		givenVia: 'app',
		noticeLocale: 'de'
	});
	const volunteer = actorOf(world.volunteer);
	await acceptGrant(volunteer, code!);
	return volunteer;
}

const notFound = { status: 404 };

beforeEach(async () => {
	world = await makeWorld();
});

describe('uploading', () => {
	it('stores a two-page letter: encrypted files on disk, rows in the database, audited', async () => {
		const before = storedFiles().length;
		const id = await uploadLetter();
		const pages = await db.select().from(documentFiles).where(eq(documentFiles.documentId, id));
		expect(pages.map((p) => [p.position, p.mediaType, p.originalName])).toEqual([
			[0, 'image/jpeg', 'IMG_1.jpg'],
			[1, 'application/pdf', 'page2.pdf']
		]);
		// Photo + its thumbnail + the PDF.
		expect(storedFiles().length - before).toBe(3);
		const [entry] = await db.select().from(auditLog).where(eq(auditLog.action, 'document.uploaded'));
		expect(entry.participantId).toBe(pid());
	});

	it('staff upload for the participant; the participant sees who did', async () => {
		const id = await uploadLetter(caseworker());
		const opened = await openDocument(self(), pid(), id);
		expect(opened.uploader?.role).toBe('caseworker');
		expect(opened.canDelete).toBe(true);
		expect((await openDocument(caseworker(), pid(), id)).canDelete).toBe(true);
	});

	it('a bad file anywhere in the upload stores nothing at all', async () => {
		const before = storedFiles();
		const result = await uploadDocument(self(), pid(), letter, [
			asFile(await phonePhoto(), 'ok.jpg'),
			asFile(windowsExecutable(), 'letter.pdf', 'application/pdf')
		]);
		expect(result).toEqual({ ok: false, reason: 'wrong_type', name: 'letter.pdf' });
		expect(storedFiles()).toEqual(before);
		expect(await db.select().from(documents).where(eq(documents.participantId, pid()))).toEqual([]);
	});

	it('refuses an empty upload and more than ten pages', async () => {
		expect(await uploadDocument(self(), pid(), letter, [])).toEqual({ ok: false, reason: 'no_file' });
		const page = asFile(pdf(), 'p.pdf');
		expect(await uploadDocument(self(), pid(), letter, Array(11).fill(page))).toEqual({
			ok: false,
			reason: 'too_many'
		});
		const id = await uploadLetter();
		expect(await addPages(self(), pid(), id, Array(9).fill(page))).toEqual({ ok: false, reason: 'too_many' });
		expect(await addPages(self(), pid(), id, Array(8).fill(page))).toEqual({ ok: true, id });
	});

	it('when the database refuses the rows, the files already written are removed again', async () => {
		const before = storedFiles();
		db.$client.exec(
			`CREATE TRIGGER refuse_documents BEFORE INSERT ON documents BEGIN SELECT RAISE(ABORT, 'disk full'); END;`
		);
		try {
			await expect(uploadLetter()).rejects.toThrow('disk full');
		} finally {
			db.$client.exec('DROP TRIGGER refuse_documents');
		}
		expect(storedFiles()).toEqual(before);
	});

	it('deleting removes the files too', async () => {
		const before = storedFiles();
		const id = await uploadLetter();
		await deleteDocument(self(), pid(), id);
		expect(storedFiles()).toEqual(before);
		expect(await db.select().from(documentFiles).where(eq(documentFiles.documentId, id))).toEqual([]);
	});

	it('staff may delete only what they uploaded themselves', async () => {
		const id = await uploadLetter(self());
		await expect(deleteDocument(caseworker(), pid(), id)).rejects.toMatchObject(notFound);
	});
});

describe('who may see documents', () => {
	it('nobody unrelated gets anything, not even a hint that the document exists', async () => {
		const id = await uploadLetter();
		const outsiders = [
			actorOf(world.otherCaseworker),
			actorOf(world.welfareCaseworker),
			actorOf(world.welfareLead),
			actorOf(world.admin),
			actorOf(world.volunteer),
			actorOf({ id: world.neighbour.userId!, role: 'participant', organisationId: null }, world.neighbour.id)
		];
		for (const actor of outsiders) {
			await expect(openDocuments(actor, pid()), actor.role).rejects.toMatchObject(notFound);
			await expect(openDocument(actor, pid(), id), actor.role).rejects.toMatchObject(notFound);
			await expect(uploadDocument(actor, pid(), letter, [asFile(pdf(), 'x.pdf')]), actor.role).rejects.toMatchObject(
				notFound
			);
		}
		// Another participant's id in the address does not open this document either.
		await expect(openDocument(self(), world.neighbour.id, id)).rejects.toMatchObject(notFound);
	});

	it('a volunteer sees only the shared categories, read-only, and every look is audited', async () => {
		const letterId = await uploadLetter();
		const health = await uploadDocument(self(), pid(), { category: 'health', title: 'Befund', expiresOn: '' }, [
			asFile(pdf(), 'befund.pdf')
		]);
		if (!health.ok) throw new Error();
		const planOnly = await shareWithVolunteer(['plan.read']);
		await expect(openDocuments(planOnly, pid())).rejects.toMatchObject(notFound);

		const volunteer = await shareWithVolunteer(['documents.read.letters']);
		const list = await openDocuments(volunteer, pid());
		expect(list.documents.map((d) => d.id)).toEqual([letterId]);
		expect(list.access).toMatchObject({
			upload: false,
			deletes: 'none',
			askExplanation: false,
			answerExplanation: false
		});
		await expect(openDocument(volunteer, pid(), health.id)).rejects.toMatchObject(notFound);
		const opened = await openDocument(volunteer, pid(), letterId);
		await openFile(volunteer, pid(), letterId, opened.pages[0].id, 'attachment');
		await expect(deleteDocument(volunteer, pid(), letterId)).rejects.toMatchObject(notFound);

		const actions = (
			await db
				.select()
				.from(auditLog)
				.where(and(eq(auditLog.actorId, world.volunteer.id), eq(auditLog.participantId, pid())))
		).map((e) => e.action);
		expect(actions.filter((a) => a.startsWith('document.'))).toEqual([
			'document.viewed',
			'document.viewed',
			'document.downloaded'
		]);
	});

	it('the participant’s own looks are not audited; the caseworker’s are, a thumbnail right after the page is part of that look', async () => {
		const id = await uploadLetter();
		const mine = await openDocument(self(), pid(), id);
		await openFile(self(), pid(), id, mine.pages[0].id, 'inline');
		const theirs = await openDocument(caseworker(), pid(), id);
		await openFile(caseworker(), pid(), id, theirs.pages[0].id, 'thumbnail');
		await openFile(caseworker(), pid(), id, theirs.pages[0].id, 'inline');
		const entries = await db.select().from(auditLog).where(eq(auditLog.participantId, pid()));
		expect(entries.filter((e) => e.actorId === world.participant.userId && e.action !== 'document.uploaded')).toEqual(
			[]
		);
		expect(entries.filter((e) => e.actorId === world.caseworker.id).map((e) => e.action)).toEqual([
			'document.viewed',
			'document.downloaded'
		]);
	});

	it('a file of one document is not reachable through another', async () => {
		const a = await uploadLetter();
		const b = await uploadLetter();
		const pageOfA = (await openDocument(self(), pid(), a)).pages[0].id;
		await expect(openFile(self(), pid(), b, pageOfA, 'inline')).rejects.toMatchObject(notFound);
	});
});

describe('please explain', () => {
	it('the participant asks, the caseworker sees it in the queue and answers, the answer shows under the document', async () => {
		const id = await uploadLetter();
		expect(await askExplanation(self(), pid(), id, 'Muss ich etwas bezahlen?', 'de')).toEqual({ ok: true });
		expect(await askExplanation(self(), pid(), id, 'Noch einmal', 'de')).toEqual({ ok: false, reason: 'already_open' });
		expect((await openDocuments(self(), pid())).documents).toMatchObject([
			{ id, pageCount: 2, openQuestion: true, answered: false }
		]);
		await expect(askExplanation(caseworker(), pid(), id, 'x', 'de')).rejects.toMatchObject(notFound);

		const queue = (await openQuestionsFor(caseworker())).rows;
		expect(queue.map((q) => [q.participantId, q.question])).toEqual([[pid(), 'Muss ich etwas bezahlen?']]);
		expect((await openQuestionsFor(actorOf(world.otherCaseworker))).rows).toEqual([]);
		expect((await documentFlagsOf([pid()], '2026-01-01')).get(pid())).toMatchObject({ openQuestions: 1 });

		await expect(answerExplanation(self(), pid(), id, queue[0].id, 'selbst', 'de')).rejects.toMatchObject(notFound);
		expect(await answerExplanation(caseworker(), pid(), id, queue[0].id, 'Nein, nur unterschreiben.', 'de')).toEqual({
			ok: true
		});
		expect(await answerExplanation(caseworker(), pid(), id, queue[0].id, 'Noch mal', 'de')).toEqual({
			ok: false,
			reason: 'already_answered'
		});

		const opened = await openDocument(self(), pid(), id);
		expect(opened.questions).toMatchObject([
			{
				question: 'Muss ich etwas bezahlen?',
				answer: 'Nein, nur unterschreiben.',
				answerLocale: 'de',
				answeredByName: world.caseworker.displayName
			}
		]);
		expect((await openQuestionsFor(caseworker())).total).toBe(0);
		expect((await openDocuments(self(), pid())).documents).toMatchObject([{ id, openQuestion: false, answered: true }]);
		expect(await askExplanation(self(), pid(), id, '', 'de')).toEqual({ ok: true });
		// The participant's data export lists the document, its pages and the questions with answers.
		expect(await documentsForExport(fixtureAccess(pid()))).toMatchObject([
			{
				title: 'Brief vom Jobcenter',
				pages: [{ name: 'IMG_1.jpg' }, { name: 'page2.pdf' }],
				questions: [{ answer: 'Nein, nur unterschreiben.' }, { answer: null }]
			}
		]);
	});
});

describe('expiry dates on the caseload', () => {
	it('flags documents expiring within eight weeks and expired ones, not later ones', async () => {
		const permit = (expiresOn: string) =>
			uploadDocument(self(), pid(), { category: 'residence_permit', title: 'eAT', expiresOn }, [
				asFile(pdf(), 'eat.pdf')
			]);
		await permit('2027-02-20');
		await permit('2026-12-01');
		await permit('2026-10-01');
		expect((await documentFlagsOf([pid(), world.neighbour.id], '2026-11-22')).get(pid())).toEqual({
			expiring: 1,
			expired: 1,
			openQuestions: 0
		});
	});

	it('changing the details moves the expiry date', async () => {
		const id = await uploadLetter();
		await updateDocument(caseworker(), pid(), id, {
			category: 'residence_permit',
			title: 'Aufenthaltserlaubnis',
			expiresOn: '2026-12-24'
		});
		const [row] = await db.select().from(documents).where(eq(documents.id, id));
		expect(row).toMatchObject({ category: 'residence_permit', expiresOn: '2026-12-24' });
	});
});
