import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition } from './names';

describe('file names', () => {
	it('keeps only the last part of a path', () => {
		expect(cleanFileName('../../etc/passwd', 'jpg')).toBe('passwd.jpg');
		expect(cleanFileName('C:\\Users\\amina\\Brief.PDF', 'pdf')).toBe('Brief.pdf');
		expect(cleanFileName('..', 'pdf')).toBe('document.pdf');
		expect(cleanFileName('', 'jpg')).toBe('document.jpg');
	});

	it('shortens a 300-character Arabic name and keeps its letters', () => {
		const long = 'رسالة'.repeat(60) + '.jpg';
		const cleaned = cleanFileName(long, 'jpg');
		expect(Array.from(cleaned.replace(/\.jpg$/, ''))).toHaveLength(100);
		expect(cleaned.startsWith('رسالة')).toBe(true);
	});

	it('drops control and direction-override characters, and the extension follows the stored type', () => {
		expect(cleanFileName('photo\u202Egpj.exe', 'jpg')).toBe('photogpj.jpg');
		expect(cleanFileName('a\u0000b\nc.png', 'jpg')).toBe('abc.jpg');
	});

	it('offers the real name RFC 5987-encoded with an ASCII fallback', () => {
		expect(contentDisposition('attachment', 'رسالة "1".pdf')).toBe(
			`attachment; filename="_____ _1_.pdf"; filename*=UTF-8''${encodeURIComponent('رسالة "1".pdf')}`
		);
		expect(contentDisposition('inline', "it's (1).jpg")).toBe(
			`inline; filename="it's (1).jpg"; filename*=UTF-8''it%27s%20%281%29.jpg`
		);
	});
});
