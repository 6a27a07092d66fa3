import { inflateSync } from 'node:zlib';
import { fileTypeFromBuffer } from 'file-type';

/** Why a file is refused; each has a message for the person who chose it. */
export type Rejection = 'wrong_type' | 'corrupt' | 'active_pdf' | 'too_large' | 'empty';

export type Detected =
	| { ok: true; kind: 'image' | 'pdf'; mediaType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf' }
	| { ok: false; reason: Rejection };

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/** The type from the file's bytes (its name and the browser's claim are ignored); only four types pass. */
export async function detectType(bytes: Buffer): Promise<Detected> {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	const type = await fileTypeFromBuffer(bytes);
	if (type === undefined) return { ok: false, reason: 'wrong_type' };
	if (IMAGE_TYPES.has(type.mime)) {
		return { ok: true, kind: 'image', mediaType: type.mime as 'image/jpeg' | 'image/png' | 'image/webp' };
	}
	if (type.mime !== 'application/pdf') return { ok: false, reason: 'wrong_type' };
	const problem = pdfProblem(bytes);
	return problem === null ? { ok: true, kind: 'pdf', mediaType: 'application/pdf' } : { ok: false, reason: problem };
}

// PDF actions that run code or open other programs or carry files; a letter from an authority needs none.
const ACTIVE_PDF = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|SubmitForm|ImportData)(?![A-Za-z])/;
// Executables hiding inside: a Windows PE stub or an ELF header anywhere in the file.
// eslint-disable-next-line no-control-regex -- ELF headers are control bytes
const EXECUTABLE = /This program cannot be run in DOS mode|\x7fELF[\x01\x02][\x01\x02]/;
const MAX_INFLATED = 50 * 1024 * 1024;

/**
 * A light structural check rather than a PDF parser: the file must look like a PDF from start to end, and
 * neither its plain text nor its compressed streams may contain active content or an executable.
 */
export function pdfProblem(bytes: Buffer): Rejection | null {
	const text = bytes.toString('latin1');
	if (!text.startsWith('%PDF-') || !text.slice(-2048).includes('%%EOF') || !/\d+\s+\d+\s+obj\b/.test(text)) {
		return 'corrupt';
	}
	if (EXECUTABLE.test(text)) return 'wrong_type';
	if (ACTIVE_PDF.test(decodeNames(text))) return 'active_pdf';
	let inflatedTotal = 0;
	for (const stream of streamsOf(bytes, text)) {
		let inflated: string;
		try {
			inflated = inflateSync(stream, { maxOutputLength: MAX_INFLATED }).toString('latin1');
		} catch {
			continue; // not Flate-compressed (images, fonts in other filters): nothing to look into
		}
		inflatedTotal += inflated.length;
		if (inflatedTotal > MAX_INFLATED) return 'corrupt';
		if (EXECUTABLE.test(inflated)) return 'wrong_type';
		if (ACTIVE_PDF.test(decodeNames(inflated))) return 'active_pdf';
	}
	return null;
}

/** PDF names may spell letters as #xx ("/J#61vaScript"); undo that before looking. */
function decodeNames(text: string): string {
	return text.replace(/\/[^\s/<>[\]()%]*#[0-9A-Fa-f]{2}[^\s/<>[\]()%]*/g, (name) =>
		name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
	);
}

function* streamsOf(bytes: Buffer, text: string): Generator<Buffer> {
	const pattern = /stream\r?\n/g;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(text)) !== null) {
		const start = match.index + match[0].length;
		const end = text.indexOf('endstream', start);
		if (end === -1) return;
		yield bytes.subarray(start, end);
		pattern.lastIndex = end + 'endstream'.length;
	}
}
