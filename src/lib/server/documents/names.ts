const MAX_STEM = 100;
// Control characters, and direction overrides that can make "gpj.exe" read as "exe.jpg".
// eslint-disable-next-line no-control-regex -- control characters are exactly what file names must lose
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff"*:<>?|]/g;

/**
 * A file name fit to show and to offer on download: no folders ("../../etc/passwd" → "passwd"), no control
 * or direction characters, at most 100 characters before an extension that matches what is really stored.
 */
export function cleanFileName(name: string, extension: string): string {
	const last = name.split(/[\\/]/).pop() ?? '';
	const cleaned = last.normalize('NFC').replace(UNSAFE, '').trim().replace(/^\.+/, '');
	const stem = cleaned.replace(/\.[^.]{1,8}$/, '').trim();
	const short = Array.from(stem).slice(0, MAX_STEM).join('').trim();
	return `${short === '' ? 'document' : short}.${extension}`;
}

/** Content-Disposition with an ASCII fallback and the real name RFC 5987-encoded (Arabic names survive). */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
	const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	const encoded = encodeURIComponent(fileName).replace(
		/['()*]/g,
		(c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`
	);
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
