import sharp from 'sharp';
import { MAX_FILE_BYTES } from '$lib/documents';
import { detectType, type Rejection } from './detect';
import { cleanFileName } from './names';

// No pixel cache between requests: memory stays flat across many uploads (see bench/documents.js).
sharp.cache(false);

/** Large enough to read a letter on a tablet, small enough to store and send over a weak connection. */
const LONG_SIDE = 2000;
const THUMBNAIL_SIDE = 320;
// About 100 megapixels: any phone camera, but not a decompression bomb.
const MAX_INPUT_PIXELS = 100_000_000;

export type ProcessedPage = {
	originalName: string;
	mediaType: 'image/jpeg' | 'application/pdf';
	data: Buffer;
	thumbnail: Buffer | null;
	width: number | null;
	height: number | null;
};

export type Processed = { ok: true; page: ProcessedPage } | { ok: false; reason: Rejection };

/**
 * Turns an uploaded file into what is stored. Images are decoded and encoded again as JPEG: that applies the
 * camera's rotation and drops EXIF, GPS and every other piece of metadata; a file that does not decode is
 * corrupt. PDFs are kept as they are, once they passed the checks in detect.ts.
 */
export async function processUpload(bytes: Buffer, name: string): Promise<Processed> {
	if (bytes.length > MAX_FILE_BYTES) return { ok: false, reason: 'too_large' };
	const detected = await detectType(bytes);
	if (!detected.ok) return detected;
	if (detected.kind === 'pdf') {
		return {
			ok: true,
			page: {
				originalName: cleanFileName(name, 'pdf'),
				mediaType: 'application/pdf',
				data: bytes,
				thumbnail: null,
				width: null,
				height: null
			}
		};
	}
	try {
		const { data, info } = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
			.rotate()
			.resize({ width: LONG_SIDE, height: LONG_SIDE, fit: 'inside', withoutEnlargement: true })
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 82 })
			.toBuffer({ resolveWithObject: true });
		const thumbnail = await sharp(data)
			.resize({ width: THUMBNAIL_SIDE, height: THUMBNAIL_SIDE, fit: 'inside' })
			.jpeg({ quality: 70 })
			.toBuffer();
		return {
			ok: true,
			page: {
				originalName: cleanFileName(name, 'jpg'),
				mediaType: 'image/jpeg',
				data,
				thumbnail,
				width: info.width,
				height: info.height
			}
		};
	} catch {
		return { ok: false, reason: 'corrupt' };
	}
}
