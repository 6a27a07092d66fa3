import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectType } from './detect';
import { compressedPdf, pdf, pdfWithStream, phonePhoto, pngWithAlpha, webp, windowsExecutable } from '../testing/files';

describe('type detection from the bytes', () => {
	it('recognises the four allowed types whatever the file is called', async () => {
		expect(await detectType(await phonePhoto())).toEqual({ ok: true, kind: 'image', mediaType: 'image/jpeg' });
		expect(await detectType(await pngWithAlpha())).toEqual({ ok: true, kind: 'image', mediaType: 'image/png' });
		expect(await detectType(await webp())).toEqual({ ok: true, kind: 'image', mediaType: 'image/webp' });
		expect(await detectType(pdf())).toEqual({ ok: true, kind: 'pdf', mediaType: 'application/pdf' });
	});

	it('refuses a Windows program, an ELF binary, HTML and a script, whatever their names say', async () => {
		expect(await detectType(windowsExecutable())).toEqual({ ok: false, reason: 'wrong_type' });
		const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
		expect(await detectType(elf)).toEqual({ ok: false, reason: 'wrong_type' });
		expect(await detectType(Buffer.from('<!doctype html><script>alert(1)</script>'))).toEqual({
			ok: false,
			reason: 'wrong_type'
		});
		expect(await detectType(Buffer.from('#!/bin/sh\nrm -rf /\n'))).toEqual({ ok: false, reason: 'wrong_type' });
		expect(await detectType(Buffer.alloc(0))).toEqual({ ok: false, reason: 'empty' });
	});

	it('refuses a PDF header in front of an executable', async () => {
		const disguised = Buffer.concat([
			Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n'),
			windowsExecutable(),
			Buffer.from('\n%%EOF\n')
		]);
		expect(await detectType(disguised)).toEqual({ ok: false, reason: 'wrong_type' });
		const elf = Buffer.concat([
			Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n'),
			Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1]),
			Buffer.from('\n%%EOF\n')
		]);
		expect(await detectType(elf)).toEqual({ ok: false, reason: 'wrong_type' });
	});

	it('refuses PDFs with JavaScript, launch actions or embedded files, also when spelled with #xx or compressed', async () => {
		for (const extra of [
			'/OpenAction << /S /JavaScript /JS (app.alert(1)) >>',
			'/OpenAction << /S /Launch /F (cmd.exe) >>',
			'/Names << /EmbeddedFiles 5 0 R >>',
			'/OpenAction << /S /J#61vaScript /J#53 (x) >>'
		]) {
			expect(await detectType(pdf(extra)), extra).toEqual({ ok: false, reason: 'active_pdf' });
		}
		expect(await detectType(compressedPdf('<< /S /JavaScript /JS (app.alert(1)) >>', deflateSync))).toEqual({
			ok: false,
			reason: 'active_pdf'
		});
		expect(await detectType(compressedPdf('BT (harmless text about JSON) Tj ET', deflateSync))).toEqual({
			ok: true,
			kind: 'pdf',
			mediaType: 'application/pdf'
		});
	});

	it('calls a cut-off PDF corrupt', async () => {
		const whole = pdf();
		expect(await detectType(whole.subarray(0, whole.length - 20))).toEqual({ ok: false, reason: 'corrupt' });
	});
});

describe('PDF content hidden from a plain look', () => {
	const script = '<< /S /JavaScript /JS (app.launchURL("https://evil.example")) >>';
	const hex = (text: string) => Buffer.from(Buffer.from(text, 'latin1').toString('hex') + '>', 'latin1');
	const ascii85 = (bytes: Buffer) => {
		let out = '';
		for (let i = 0; i < bytes.length; i += 4) {
			const chunk = Buffer.concat([bytes.subarray(i, i + 4), Buffer.alloc(4)]).subarray(0, 4);
			let value = chunk.readUInt32BE(0);
			const digits: string[] = [];
			for (let d = 0; d < 5; d++) {
				digits.unshift(String.fromCharCode((value % 85) + 33));
				value = Math.floor(value / 85);
			}
			out += digits.slice(0, Math.min(4, bytes.length - i) + 1).join('');
		}
		return Buffer.from(`${out}~>`, 'latin1');
	};
	const refused = (reason: string) => ({ ok: false, reason });

	it('finds JavaScript in an ASCIIHex, an ASCII85 and a chained ASCII85 + Flate stream', async () => {
		expect(await detectType(pdfWithStream('/Filter /ASCIIHexDecode', hex(script)))).toEqual(refused('active_pdf'));
		expect(await detectType(pdfWithStream('/Filter /A85', ascii85(Buffer.from(script))))).toEqual(
			refused('active_pdf')
		);
		const chained = ascii85(deflateSync(Buffer.from(`1 0 ${script}`)));
		expect(await detectType(pdfWithStream('/Type /ObjStm /Filter [/ASCII85Decode /FlateDecode]', chained))).toEqual(
			refused('active_pdf')
		);
	});

	it('refuses XFA forms and embedded files without their type name', async () => {
		expect(await detectType(pdf('/AcroForm << /Fields [] /XFA 5 0 R >>'))).toEqual(refused('active_pdf'));
		const attachment = '/Annots [<< /Subtype /Link /A << /S /GoTo >> /FS << /F (a.exe) /EF << /F 6 0 R >> >> >>]';
		expect(await detectType(pdf(attachment))).toEqual(refused('active_pdf'));
	});

	it('refuses what it cannot inspect: encryption, unknown filters, streams that do not decode', async () => {
		const text = deflateSync(Buffer.from('BT (Hallo) Tj ET'));
		expect(await detectType(pdfWithStream('/Filter /FlateDecode', text, '/Encrypt 9 0 R'))).toEqual(
			refused('uninspectable_pdf')
		);
		expect(await detectType(pdfWithStream('/Filter /LZWDecode', Buffer.from('\x80\x0b\x60')))).toEqual(
			refused('uninspectable_pdf')
		);
		expect(await detectType(pdfWithStream('/Filter /Crypt', text))).toEqual(refused('uninspectable_pdf'));
		expect(await detectType(pdfWithStream('/Filter /FlateDecode', Buffer.from('not deflated')))).toEqual(
			refused('uninspectable_pdf')
		);
		expect(await detectType(pdfWithStream('/Filter /ASCIIHexDecode', Buffer.from('zz>')))).toEqual(
			refused('uninspectable_pdf')
		);
	});

	it('accepts an ordinary scan: JPEG image data and decoded text without active content', async () => {
		const scan = pdfWithStream('/Type /XObject /Subtype /Image /Filter /DCTDecode', await phonePhoto());
		expect(await detectType(scan)).toEqual({ ok: true, kind: 'pdf', mediaType: 'application/pdf' });
		const text = pdfWithStream(
			'/Filter [/AHx /Fl]',
			hex(deflateSync(Buffer.from('BT (JSON) Tj ET')).toString('latin1'))
		);
		expect(await detectType(text)).toEqual({ ok: true, kind: 'pdf', mediaType: 'application/pdf' });
	});
});
