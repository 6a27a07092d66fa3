import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { newPasswordEntries, parseForm, passwordsMatch, username } from './forms';

const schema = v.pipe(v.object({ username, ...newPasswordEntries }), passwordsMatch());
const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, value] of Object.entries(fields)) data.set(k, value);
	return data;
};

describe('form parsing', () => {
	it('reports different passwords on the repeat field and never sends passwords back', () => {
		const parsed = parseForm(
			schema,
			form({ username: 'Amina.H', password: 'long enough 1', passwordRepeat: 'long enough 2' })
		);
		expect(parsed.ok).toBe(false);
		if (parsed.ok) return;
		expect(parsed.failure.data.errors).toEqual({ passwordRepeat: 'form.passwords_differ' });
		expect(parsed.failure.data.values).toEqual({ username: 'Amina.H' });
	});

	it('normalises usernames and rejects ones that cannot be typed on every keyboard', () => {
		const ok = parseForm(
			schema,
			form({ username: ' Amina.H ', password: 'long enough', passwordRepeat: 'long enough' })
		);
		expect(ok.ok && ok.output.username).toBe('amina.h');
		const arabic = parseForm(
			schema,
			form({ username: 'أمينة', password: 'long enough', passwordRepeat: 'long enough' })
		);
		expect(!arabic.ok && arabic.failure.data.errors.username).toBe('form.username_invalid');
	});

	it('a missing field is "required", not a crash', () => {
		const parsed = parseForm(schema, form({}));
		expect(!parsed.ok && parsed.failure.data.errors).toMatchObject({
			username: 'form.required',
			password: 'form.required'
		});
	});
});
