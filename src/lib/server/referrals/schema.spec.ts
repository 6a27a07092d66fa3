import { describe, expect, it } from 'vitest';
import { assessmentSchema } from '../cases/assessment-schema';
import { parseForm } from '../forms';
import { noteSchema } from '../notes/schema';
import { referralSchema, serviceSchema } from './schema';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) data.append(k, v);
	return data;
};
const errorsOf = (result: ReturnType<typeof parseForm>) =>
	result.ok ? {} : (result.failure.data as { errors: Record<string, string> }).errors;

describe('bad input gets a localised message and nothing else', () => {
	it('a service needs a known kind and a name; phone and e-mail must look like ones', () => {
		const result = parseForm(serviceSchema, form({ target: 'police', name: ' ', phone: 'abc', email: 'x@' }));
		expect(errorsOf(result)).toEqual({
			target: 'form.pick_option',
			name: 'form.required',
			phone: 'form.phone_invalid',
			email: 'form.email_invalid'
		});
	});

	it('a referral needs a service from the list; the data checkbox is a fact', () => {
		expect(errorsOf(parseForm(referralSchema, form({ serviceId: 'jobcenter' })))).toEqual({
			serviceId: 'form.pick_option'
		});
		const ok = parseForm(referralSchema, form({ serviceId: crypto.randomUUID(), sharesData: 'yes' }));
		expect(ok.ok && ok.output.sharesData).toBe(true);
	});

	it('an assessment answer must exist, an expiry be a real date; "not asked" is stored as nothing', () => {
		const bad = parseForm(
			assessmentSchema,
			form({ kind: 'entry', seenVersion: '0', germanLevel: 'z9', residenceExpiresOn: '2027-02-30' })
		);
		expect(errorsOf(bad)).toEqual({ germanLevel: 'form.pick_option', residenceExpiresOn: 'form.date_invalid_any' });
		const empty = parseForm(assessmentSchema, form({ kind: 'exit', seenVersion: '3', germanLevel: '' }));
		expect(empty.ok && empty.output.germanLevel).toBeNull();
	});

	it('a note needs a text, and a goal or contact when it is about one', () => {
		expect(errorsOf(parseForm(noteSchema, form({ subject: 'goal', body: '', language: 'de' })))).toMatchObject({
			body: 'form.required'
		});
		expect(errorsOf(parseForm(noteSchema, form({ subject: 'contact', body: 'Text', language: 'de' })))).toEqual({
			contactId: 'notes.pick_contact'
		});
		expect(errorsOf(parseForm(noteSchema, form({ subject: 'case', body: 'Text', language: 'xx' })))).toEqual({
			language: 'form.pick_option'
		});
	});
});
