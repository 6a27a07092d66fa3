import { describe, expect, it } from 'vitest';
import { parseForm } from '../forms';
import { detailsSchema, uploadLimitFor } from './schema';

const form = (entries: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(entries)) data.set(k, v);
	return data;
};

describe('document details', () => {
	it('takes a past expiry date (an expired passport is kept) but not an impossible one', () => {
		expect(parseForm(detailsSchema, form({ category: 'identity', title: ' Pass ', expiresOn: '2019-05-31' }))).toEqual({
			ok: true,
			output: { category: 'identity', title: 'Pass', expiresOn: '2019-05-31' }
		});
		const bad = parseForm(detailsSchema, form({ category: 'passport', title: '', expiresOn: '2027-02-30' }));
		expect(bad.ok ? null : bad.failure.data.errors).toEqual({
			category: 'form.pick_option',
			title: 'form.required',
			expiresOn: 'form.date_invalid_any'
		});
	});

	it('gives uploads their own body limit, and only uploads', () => {
		expect(uploadLimitFor('POST', '/participants/abc/documents')).toBe(61 * 1024 * 1024);
		expect(uploadLimitFor('POST', '/participants/abc/documents/def')).toBe(61 * 1024 * 1024);
		expect(uploadLimitFor('POST', '/participants/abc/plan')).toBeNull();
		expect(uploadLimitFor('POST', '/participants/abc/documents/def/files/x')).toBeNull();
		expect(uploadLimitFor('GET', '/participants/abc/documents')).toBeNull();
	});
});
