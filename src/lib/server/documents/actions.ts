import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { requireActor } from '../auth/guard';
import { formActionsOn } from '../form-action';
import { formFailure, formValues, parseForm } from '../forms';
import { answerExplanation, askExplanation } from './questions';
import { recordAnswerAsContact } from '../contacts/answers';
import { answerSchema, askSchema, detailsSchema } from './schema';
import { addPages, deleteDocument, updateDocument, uploadDocument, type UploadRefusal } from './write';

type ListEvent = RequestEvent<{ id: string }>;
type DocumentEvent = RequestEvent<{ id: string; documentId: string }>;

const action = formActionsOn<DocumentEvent>();

/** What a documents page may report after a form action; anything else in the address is ignored. */
const OUTCOMES = new Set(['uploaded', 'pages_added', 'saved', 'deleted', 'asked', 'answered']);

export function outcomeOf(url: URL): string | null {
	const done = url.searchParams.get('done');
	return done !== null && OUTCOMES.has(done) ? done : null;
}

/**
 * Reads a multipart body. A body over adapter-node's BODY_SIZE_LIMIT (512 KB unless configured, see README)
 * fails while being read; the person then gets the localised "too large" message rather than an error page.
 */
async function readForm(request: Request): Promise<FormData | null> {
	try {
		return await request.formData();
	} catch {
		return null;
	}
}

const tooLarge = () => fail(413, { errors: {}, values: {}, message: 'error.too_large' });

/** Chosen files; a file input left empty still sends one nameless, empty entry. */
function filesOf(formData: FormData): File[] {
	return formData.getAll('pages').filter((v): v is File => v instanceof File && !(v.size === 0 && v.name === ''));
}

function refused(refusal: UploadRefusal, formData: FormData) {
	const status = refusal.reason === 'too_large' || refusal.reason === 'too_large_total' ? 413 : 400;
	return fail(status, {
		errors: { pages: `documents.rejected_${refusal.reason}` },
		values: formValues(formData),
		message: `documents.rejected_${refusal.reason}`,
		fileName: refusal.name ?? null
	});
}

/**
 * The documents' form actions: authenticate, let the documents domain decide access (404 for anything not
 * this actor's), validate, write (files, then rows in one transaction), redirect.
 */
export const documentListActions = {
	upload: async (event: ListEvent) => {
		const actor = requireActor();
		const formData = await readForm(event.request);
		if (formData === null) return tooLarge();
		const parsed = parseForm(detailsSchema, formData);
		if (!parsed.ok) return parsed.failure;
		const result = await uploadDocument(actor, event.params.id, parsed.output, filesOf(formData));
		if (!result.ok) return refused(result, formData);
		redirect(303, `/participants/${event.params.id}/documents/${result.id}?done=uploaded`);
	}
};

export const documentActions = {
	addPages: async (event: DocumentEvent) => {
		const actor = requireActor();
		const formData = await readForm(event.request);
		if (formData === null) return tooLarge();
		const result = await addPages(actor, event.params.id, event.params.documentId, filesOf(formData));
		if (!result.ok) return refused(result, formData);
		redirect(303, `${event.url.pathname}?done=pages_added`);
	},
	update: action(detailsSchema, async ({ actor, input, event }) => {
		await updateDocument(actor, event.params.id, event.params.documentId, input);
		redirect(303, `${event.url.pathname}?done=saved`);
	}),
	delete: async (event: DocumentEvent) => {
		const actor = requireActor();
		await deleteDocument(actor, event.params.id, event.params.documentId);
		redirect(303, `/participants/${event.params.id}/documents?done=deleted`);
	},
	ask: action(askSchema, async ({ actor, input, formData, event }) => {
		const result = await askExplanation(
			actor,
			event.params.id,
			event.params.documentId,
			input.question,
			event.locals.locale
		);
		if (!result.ok) return formFailure(409, 'documents.question_already_open', formData);
		redirect(303, `${event.url.pathname}?done=asked`);
	}),
	answer: action(answerSchema, async ({ actor, input, formData, event }) => {
		const result = await answerExplanation(
			actor,
			event.params.id,
			event.params.documentId,
			input.questionId,
			input.answer,
			event.locals.locale
		);
		if (!result.ok) return formFailure(409, 'documents.already_answered', formData);
		await recordAnswerAsContact(actor, event.params.id, input.questionId);
		redirect(303, `${event.url.pathname}?done=answered`);
	})
};
