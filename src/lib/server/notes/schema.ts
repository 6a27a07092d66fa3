import * as v from 'valibot';
import { NOTE_SUBJECTS } from '$lib/casework';
import { LOCALES } from '$lib/i18n/locales';
import { requiredText } from '../forms';

const optionalId = v.pipe(
	v.optional(v.string(), ''),
	v.transform((s) => (s === '' ? null : s)),
	v.nullable(v.pipe(v.string(), v.uuid('notes.subject_unknown')))
);
const checkbox = v.pipe(
	v.optional(v.string(), ''),
	v.transform((s) => s === 'yes')
);

export const noteSchema = v.pipe(
	v.object({
		subject: v.picklist(NOTE_SUBJECTS, 'form.pick_option'),
		goalId: optionalId,
		contactId: optionalId,
		body: requiredText(4000),
		language: v.picklist(LOCALES, 'form.pick_option'),
		sharedWithParticipant: checkbox,
		sensitive: checkbox
	}),
	v.forward(
		v.check((n) => n.subject !== 'goal' || n.goalId !== null, 'notes.pick_goal'),
		['goalId']
	),
	v.forward(
		v.check((n) => n.subject !== 'contact' || n.contactId !== null, 'notes.pick_contact'),
		['contactId']
	)
);
