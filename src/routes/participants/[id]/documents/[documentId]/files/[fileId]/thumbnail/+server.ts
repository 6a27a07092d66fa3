import { requireActor } from '$lib/server/auth/guard';
import { fileResponse } from '$lib/server/documents/http';
import { openFile } from '$lib/server/documents/read';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const actor = requireActor();
	const { file, bytes } = await openFile(actor, params.id, params.documentId, params.fileId, 'thumbnail');
	return fileResponse(bytes, 'image/jpeg', file.originalName, 'thumbnail');
};
