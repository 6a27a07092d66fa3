import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { readForm, readFormData, refusalFailure } from './form-action';
import { requiredText } from './forms';

const post = (body: BodyInit, contentType?: string) =>
	new Request('http://localhost/language', {
		method: 'POST',
		body,
		headers: contentType === undefined ? {} : { 'content-type': contentType }
	});

const badRequest = { status: 400, body: { message: 'error.bad_request' } };

describe('reading a form', () => {
	it('a text/plain body where a form is expected is a 400 with the localised message, not a 500', async () => {
		await expect(readFormData(post('locale=de', 'text/plain'))).rejects.toMatchObject(badRequest);
	});

	it('a broken multipart body is a 400', async () => {
		const broken = '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nunterminated';
		await expect(readFormData(post(broken, 'multipart/form-data; boundary=xyz'))).rejects.toMatchObject(badRequest);
		await expect(readFormData(post('anything', 'multipart/form-data'))).rejects.toMatchObject(badRequest);
	});

	it('a body with no content type at all is a 400', async () => {
		await expect(readFormData(post(new Uint8Array([1, 2, 3])))).rejects.toMatchObject(badRequest);
	});

	it('a real form is read and validated; an invalid one comes back with its fields', async () => {
		const schema = v.object({ title: requiredText(20) });
		const ok = await readForm(post(new URLSearchParams({ title: ' Kita ' })), schema);
		expect(ok.ok && ok.input).toEqual({ title: 'Kita' });
		const invalid = await readForm(post(new URLSearchParams({ title: '' })), schema);
		expect(invalid.ok).toBe(false);
		if (!invalid.ok) {
			expect(invalid.failure).toMatchObject({ status: 400, data: { errors: { title: 'form.required' } } });
		}
	});
});

describe('refused writes', () => {
	it('a conflict with someone else’s change is a 409, a wrong value a 400 on its field', () => {
		const formData = new FormData();
		expect(refusalFailure({ reason: 'appointments.not_now' }, formData).status).toBe(409);
		const wrong = refusalFailure({ reason: 'form.pick_option', field: 'companionId' }, formData);
		expect(wrong).toMatchObject({ status: 400, data: { errors: { companionId: 'form.pick_option' } } });
	});
});
