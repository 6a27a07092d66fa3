import sharp from 'sharp';

// Small real files made on the spot, so tests never depend on fixtures copied by hand.

/** A phone photo: JPEG with camera make, GPS position and "rotate 90°" in its EXIF. */
export async function phonePhoto(width = 64, height = 48): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: '#c33' } })
		.withExif({
			IFD0: { Make: 'PhoneCo', Model: 'X1' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '48/1 49/1 3000/100',
				GPSLongitudeRef: 'E',
				GPSLongitude: '9/1 3/1 0/1'
			}
		})
		.withMetadata({ orientation: 6 })
		.jpeg()
		.toBuffer();
}

export async function pngWithAlpha(): Promise<Buffer> {
	return sharp({ create: { width: 40, height: 30, channels: 4, background: { r: 0, g: 0, b: 255, alpha: 0.5 } } })
		.png()
		.toBuffer();
}

export async function webp(): Promise<Buffer> {
	return sharp({ create: { width: 40, height: 30, channels: 3, background: '#0a0' } })
		.webp()
		.toBuffer();
}

/** A minimal, valid one-page PDF; `extra` goes into the catalogue dictionary (e.g. an /OpenAction). */
export function pdf(extra = '', streamBody = 'BT /F1 12 Tf 72 720 Td (Hallo) Tj ET'): Buffer {
	return Buffer.from(
		[
			'%PDF-1.4',
			`1 0 obj << /Type /Catalog /Pages 2 0 R ${extra} >> endobj`,
			'2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
			'3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >> endobj',
			`4 0 obj << /Length ${streamBody.length} >> stream`,
			streamBody,
			'endstream endobj',
			'trailer << /Root 1 0 R >>',
			'%%EOF',
			''
		].join('\n'),
		'latin1'
	);
}

/** A PDF whose content stream is Flate-compressed (as real PDFs are), with the given text inside. */
export function compressedPdf(hidden: string, deflate: (b: Buffer) => Buffer): Buffer {
	const body = deflate(Buffer.from(hidden, 'latin1'));
	const head = Buffer.from(
		[
			'%PDF-1.5',
			'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
			'2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
			`3 0 obj << /Length ${body.length} /Filter /FlateDecode >> stream`,
			''
		].join('\n'),
		'latin1'
	);
	return Buffer.concat([head, body, Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1')]);
}

/** A PDF with one more object: a stream with the given dictionary entries and raw (already encoded) bytes. */
export function pdfWithStream(entries: string, body: Buffer, trailer = ''): Buffer {
	const head = Buffer.from(
		[
			'%PDF-1.5',
			'1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
			'2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
			`3 0 obj << /Length ${body.length} ${entries} >> stream`,
			''
		].join('\n'),
		'latin1'
	);
	const tail = `\nendstream\nendobj\ntrailer << /Root 1 0 R ${trailer} >>\n%%EOF\n`;
	return Buffer.concat([head, body, Buffer.from(tail, 'latin1')]);
}

/** The first bytes of a Windows program ("MZ", the DOS stub). */
export function windowsExecutable(): Buffer {
	const b = Buffer.alloc(512);
	b.write('MZ', 0, 'latin1');
	b.writeUInt32LE(0x80, 0x3c);
	b.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
	b.write('PE\0\0', 0x80, 'latin1');
	return b;
}

export const asFile = (bytes: Buffer, name: string, type = '') => new File([new Uint8Array(bytes)], name, { type });
