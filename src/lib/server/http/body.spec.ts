import { isHttpError } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { guardedRequest } from './body';

function chunked(parts: string[], type = 'application/x-www-form-urlencoded') {
	const encoder = new TextEncoder();
	const body = new ReadableStream<Uint8Array>({
		start(controller) {
			for (const part of parts) controller.enqueue(encoder.encode(part));
			controller.close();
		}
	});
	return new Request('http://app.test/form', {
		method: 'POST',
		headers: { 'content-type': type },
		body,
		duplex: 'half'
	} as RequestInit);
}

async function statusOf(promise: Promise<unknown>) {
	try {
		await promise;
		return 'read';
	} catch (e) {
		return isHttpError(e) ? `${e.status} ${e.body.message}` : `unexpected ${String(e)}`;
	}
}

describe('request bodies as routes read them', () => {
	it('reads a form within the limit', async () => {
		const form = await guardedRequest(chunked(['name=Amina', '&city=Ditzingen']), 1024).formData();
		expect(form.get('city')).toBe('Ditzingen');
	});

	it('stops a chunked body without Content-Length at the limit', async () => {
		const request = guardedRequest(chunked(['a='.padEnd(600, 'x'), 'x'.repeat(600)]), 1024);
		expect(await statusOf(request.formData())).toBe('413 error.too_large');
	});

	it('answers 400 for a body that is not the form it claims to be', async () => {
		const broken = chunked(['--nope\r\nContent-Disposition: form-data\r\n\r\nx'], 'multipart/form-data; boundary=b');
		expect(await statusOf(guardedRequest(broken, 1024).formData())).toBe('400 error.bad_request');
		expect(await statusOf(guardedRequest(chunked(['locale=ar'], 'text/plain'), 1024).formData())).toBe(
			'400 error.bad_request'
		);
		expect(await statusOf(guardedRequest(chunked(['{"endpoint":'], 'application/json'), 1024).json())).toBe(
			'400 error.bad_request'
		);
	});
});
