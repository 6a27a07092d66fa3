import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '$lib/documents';
import { pdf, phonePhoto, pngWithAlpha, webp } from '../testing/files';
import { processUpload } from './process';

describe('processing an upload', () => {
	it('re-encodes a phone photo: rotation applied, EXIF and GPS gone', async () => {
		const input = await phonePhoto(64, 48);
		const before = await sharp(input).metadata();
		expect(before.exif?.includes(Buffer.from('PhoneCo'))).toBe(true);
		expect(before.exif?.includes(Buffer.from([0x25, 0x88]))).toBe(true); // the GPS IFD pointer

		const result = await processUpload(input, 'IMG_0001.JPG');
		if (!result.ok) throw new Error(result.reason);
		const after = await sharp(result.page.data).metadata();
		expect(after.format).toBe('jpeg');
		expect(after.exif).toBeUndefined();
		expect(after.xmp).toBeUndefined();
		expect(after.iptc).toBeUndefined();
		expect(result.page.data.includes(Buffer.from('PhoneCo'))).toBe(false);
		// Orientation 6 means "turn 90°": the stored picture is upright, 48 × 64.
		expect([after.width, after.height, after.orientation ?? 1]).toEqual([48, 64, 1]);
		expect(result.page).toMatchObject({ originalName: 'IMG_0001.jpg', mediaType: 'image/jpeg', width: 48, height: 64 });
	});

	it('scales a large photo down to 2000 px and makes a 320 px thumbnail', async () => {
		const big = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#888' } })
			.jpeg()
			.toBuffer();
		const result = await processUpload(big, 'scan.jpg');
		if (!result.ok) throw new Error(result.reason);
		expect([result.page.width, result.page.height]).toEqual([2000, 1500]);
		const thumb = await sharp(result.page.thumbnail!).metadata();
		expect([thumb.width, thumb.height]).toEqual([320, 240]);
	});

	it('turns PNG and WebP into JPEG, with transparency on white', async () => {
		for (const [bytes, name] of [
			[await pngWithAlpha(), 'screen.png'],
			[await webp(), 'chat.webp']
		] as const) {
			const result = await processUpload(bytes, name);
			if (!result.ok) throw new Error(result.reason);
			expect(result.page.mediaType).toBe('image/jpeg');
			expect(result.page.originalName).toMatch(/\.jpg$/);
			expect((await sharp(result.page.data).metadata()).format).toBe('jpeg');
		}
	});

	it('keeps a clean PDF as it is, without a thumbnail', async () => {
		const input = pdf();
		const result = await processUpload(input, 'Bescheid.pdf');
		if (!result.ok) throw new Error(result.reason);
		expect(result.page.data.equals(input)).toBe(true);
		expect(result.page.thumbnail).toBeNull();
	});

	it('calls a damaged photo corrupt', async () => {
		const photo = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#345' } })
			.jpeg()
			.toBuffer();
		expect(await processUpload(photo.subarray(0, Math.floor(photo.length / 2)), 'cut.jpg')).toEqual({
			ok: false,
			reason: 'corrupt'
		});
		const garbage = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
		expect(await processUpload(garbage, 'noise.jpg')).toEqual({ ok: false, reason: 'corrupt' });
	});

	it('refuses a file over 15 MB before looking at it', async () => {
		expect(await processUpload(Buffer.alloc(MAX_FILE_BYTES + 1), 'huge.jpg')).toEqual({
			ok: false,
			reason: 'too_large'
		});
	});
});
