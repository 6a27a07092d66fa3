import type { FileVariant } from './read';
import { contentDisposition } from './names';

/**
 * A personal file for the browser: never kept by shared caches, never sniffed as another type, and sandboxed
 * so that nothing inside it can run with the app's origin. PDFs are always saved rather than shown inline:
 * a PDF viewer in the app's origin is not a place for scripts from a stranger's file.
 */
export function fileResponse(bytes: Buffer, mediaType: string, fileName: string, variant: FileVariant): Response {
	const inline = variant !== 'attachment' && mediaType.startsWith('image/');
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': mediaType,
			'Content-Length': String(bytes.length),
			'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', fileName),
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
			'Content-Security-Policy': "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
			'Cross-Origin-Resource-Policy': 'same-origin'
		}
	});
}
