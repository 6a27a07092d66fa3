import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { detectType } from './detect';
import { compressedPdf, pdf, phonePhoto, pngWithAlpha, webp, windowsExecutable } from '../testing/files';

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
