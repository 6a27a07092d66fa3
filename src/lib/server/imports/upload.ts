import { MAX_IMPORT_BYTES } from './read';

// Multipart framing around the one file; above the file limit itself, so a file a little too large is refused on
// the form with its own message, and only a much larger body gets the hooks' "too large" page.
const UPLOAD_OVERHEAD = 64 * 1024;

/** The body limit for uploading a sheet to import (the upload form on /import), or null for other requests. */
export function importUploadLimitFor(method: string, pathname: string): number | null {
	return method === 'POST' && /^\/import\/?$/.test(pathname) ? MAX_IMPORT_BYTES + UPLOAD_OVERHEAD : null;
}
