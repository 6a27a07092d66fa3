import { requireActor } from '$lib/server/auth/guard';
import { fileResponse } from '$lib/server/documents/http';
import { openFile } from '$lib/server/documents/read';
import type { RequestHandler } from './$types';

/** One page of a document: images open in the browser, PDFs and "download" links save a file. */
export const GET: RequestHandler = async ({ params, url }) => {
	const actor = requireActor();
	const variant = url.searchParams.has('download') ? 'attachment' : 'inline';
	const { file, bytes } = await openFile(actor, params.id, params.documentId, params.fileId, variant);
	return fileResponse(bytes, file.mediaType, file.originalName, variant);
};
