import { error } from '@sveltejs/kit';

/**
 * The request as routes see it: its body stops at `maxBytes` of what is actually read (a chunked body has no
 * Content-Length to check in advance), and a body that cannot be parsed — broken multipart, a text/plain or
 * JSON body where a form is expected — becomes a 400 (or 413) with the localised error page instead of a
 * TypeError that would surface as a 500. Every action reads its form through this, without knowing.
 */
export function guardedRequest(request: Request, maxBytes: number): Request {
	if (request.body === null) return request;
	const source = request.body.getReader();
	let read = 0;
	let exceeded = false;
	const limited = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { done, value } = await source.read();
			if (done) return controller.close();
			read += value.byteLength;
			if (read <= maxBytes) return controller.enqueue(value);
			exceeded = true;
			controller.error(new Error('Request body too large'));
			// Cancelling the source would make the server drop the connection before the 413 page is sent; read the
			// rest instead (adapter-node's BODY_SIZE_LIMIT still ends an endless body).
			void drain(source);
		},
		cancel: (reason) => source.cancel(reason)
	});
	const guarded = new Request(request, { body: limited, duplex: 'half' } as RequestInit);
	const refuse = (cause: unknown): never => {
		if (exceeded) error(413, 'error.too_large');
		// A parse failure of the client's body is the client's mistake; anything else stays unexpected.
		if (cause instanceof TypeError || cause instanceof SyntaxError) error(400, 'error.bad_request');
		throw cause;
	};
	for (const method of ['formData', 'json', 'text', 'arrayBuffer', 'blob', 'bytes'] as const) {
		const original = guarded[method]?.bind(guarded);
		if (original === undefined) continue;
		Object.defineProperty(guarded, method, { value: () => original().catch(refuse) });
	}
	return guarded;
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>) {
	try {
		while (!(await reader.read()).done) {
			// discard
		}
	} catch {
		// The client went away or the server's own limit ended the body: nothing left to read.
	}
}
