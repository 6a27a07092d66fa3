import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { nameText, newPasswordEntries, optionalText, parseForm, passwordsMatch, requiredText, username } from './forms';

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

describe('bidi control characters in typed text', () => {
	const schema = v.object({ name: nameText(100), title: requiredText(100), note: optionalText(100) });

	it('are removed from names entirely, so a name cannot be shown reversed or disguised', () => {
		const parsed = parseForm(schema, form({ name: 'Amina\u202E nassaH-lA\u202C\u200F', title: 'x' }));
		expect(parsed.ok && parsed.output.name).toBe('Amina nassaH-lA');
	});

	it('a name made only of control characters is empty, hence required', () => {
		const parsed = parseForm(schema, form({ name: '\u202E\u2066 ', title: 'x' }));
		expect(!parsed.ok && parsed.failure.data.errors.name).toBe('form.required');
	});

	it('lose their overrides in titles and notes, but keep the direction marks mixed RTL text needs', () => {
		const parsed = parseForm(
			schema,
			form({ name: 'Selam', title: 'Termin \u202Efdp.exe', note: 'موعد\u200F 10:00 \u2067x\u2069' })
		);
		expect(parsed.ok && parsed.output.title).toBe('Termin fdp.exe');
		expect(parsed.ok && parsed.output.note).toBe('موعد\u200F 10:00 x');
	});
});
