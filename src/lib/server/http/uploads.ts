import { uploadLimitFor } from '../documents/schema';
import { importUploadLimitFor } from '../imports/upload';

/** A request that carries a file: its body limit, and what the "too large" page says and links back to. */
export type Upload = { limit: number; tooLarge: string; backLabel: string };

/** The routes that take a file, each with its own limit; every other request stays a small form (null). */
export function uploadFor(method: string, pathname: string): Upload | null {
	const documents = uploadLimitFor(method, pathname);
	if (documents !== null) {
		return { limit: documents, tooLarge: 'documents.rejected_too_large_total', backLabel: 'documents.back_to_upload' };
	}
	const sheet = importUploadLimitFor(method, pathname);
	if (sheet !== null) return { limit: sheet, tooLarge: 'import.file_too_large', backLabel: 'import.back_to_upload' };
	return null;
}
