import { redirect, type RequestEvent } from '@sveltejs/kit';
import { formActionsOn } from '../form-action';
import { correctContact } from './correct';
import { openContactWriting } from './read';
import { contactSchema, correctionSchema } from './schema';
import { recordContact } from './write';

type Event = RequestEvent<{ id: string }>;
const action = formActionsOn<Event>();

/** The outcomes a contacts page may report after a form action; anything else in the address is ignored. */
const OUTCOMES = new Set(['recorded', 'corrected']);
export function outcomeOf(url: URL): string | null {
	const done = url.searchParams.get('done');
	return done !== null && OUTCOMES.has(done) ? `contacts.done_${done}` : null;
}

export const contactsOf = (participantId: string) => `/participants/${participantId}/contacts`;

/** Records a contact (from the caseload, the person's page or a done appointment); a repeated save shows the first. */
export const recordAction = action(contactSchema, async ({ actor, input, event, refuse }) => {
	const access = await openContactWriting(actor, event.params.id);
	const result = recordContact(access, input);
	if (!result.ok && result.existingId !== undefined) {
		redirect(303, `${contactsOf(event.params.id)}/${result.existingId}`);
	}
	if (!result.ok) return refuse(result);
	redirect(303, `${contactsOf(event.params.id)}?done=recorded`);
});

type DetailEvent = RequestEvent<{ id: string; contactId: string }>;
export const correctAction = formActionsOn<DetailEvent>()(correctionSchema, async ({ actor, input, event, refuse }) => {
	const access = await openContactWriting(actor, event.params.id);
	const result = await correctContact(access, event.params.contactId, input);
	if (!result.ok) return refuse(result);
	redirect(303, `${event.url.pathname}?done=corrected`);
});
