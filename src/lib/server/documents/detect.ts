import { fileTypeFromBuffer } from 'file-type';
import { decodeStream } from './pdf-streams';

/** Why a file is refused; each has a message for the person who chose it. */
export type Rejection = 'wrong_type' | 'corrupt' | 'active_pdf' | 'uninspectable_pdf' | 'too_large' | 'empty';

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

// PDF actions that run code, open other programs or other files, or carry files (also a file specification's /EF
// without the /EmbeddedFile type name); XFA forms carry their own scripts. A letter from an authority needs none.
const ACTIVE_PDF =
	/\/(JavaScript|JS|Launch|EmbeddedFiles?|EF|FileAttachment|RichMedia|SubmitForm|ImportData|XFA|GoToE|GoToR)(?![A-Za-z0-9])/;
// Executables hiding inside: a Windows PE stub or an ELF header anywhere in the file.
// eslint-disable-next-line no-control-regex -- ELF headers are control bytes
const EXECUTABLE = /This program cannot be run in DOS mode|\x7fELF[\x01\x02][\x01\x02]/;
const MAX_DECODED = 50 * 1024 * 1024;

/**
 * A structural check rather than a full PDF parser: the file must look like a PDF from start to end, and
 * neither its plain text nor any of its streams, decoded, may contain active content or an executable.
 * What cannot be inspected is refused: encrypted files, unknown filters, streams that do not decode.
 */
export function pdfProblem(bytes: Buffer): Rejection | null {
	const text = bytes.toString('latin1');
	if (!text.startsWith('%PDF-') || !text.slice(-2048).includes('%%EOF') || !/\d+\s+\d+\s+obj\b/.test(text)) {
		return 'corrupt';
	}
	if (EXECUTABLE.test(text)) return 'wrong_type';
	const names = decodeNames(text);
	if (ACTIVE_PDF.test(names)) return 'active_pdf';
	if (/\/Encrypt(?![A-Za-z0-9])/.test(names)) return 'uninspectable_pdf';
	let decodedTotal = 0;
	for (const { dictionary, raw } of streamsOf(bytes, text)) {
		const content = decodeStream(decodeNames(dictionary), raw, MAX_DECODED);
		if (content.kind === 'image') continue;
		if (content.kind === 'uninspectable') return 'uninspectable_pdf';
		decodedTotal += content.bytes.length;
		if (decodedTotal > MAX_DECODED) return 'uninspectable_pdf';
		const decoded = content.bytes.toString('latin1');
		if (EXECUTABLE.test(decoded)) return 'wrong_type';
		if (ACTIVE_PDF.test(decodeNames(decoded))) return 'active_pdf';
	}
	return null;
}

/** PDF names may spell letters as #xx ("/J#61vaScript"); undo that before looking. */
function decodeNames(text: string): string {
	return text.replace(/\/[^\s/<>[\]()%]*#[0-9A-Fa-f]{2}[^\s/<>[\]()%]*/g, (name) =>
		name.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
	);
}

/** Each stream's raw bytes with the dictionary in front of it (from its object's "obj" to "stream"). */
function* streamsOf(bytes: Buffer, text: string): Generator<{ dictionary: string; raw: Buffer }> {
	const pattern = /(?<=>>\s*)stream\r?\n/g;
	let match: RegExpExecArray | null;
	while ((match = pattern.exec(text)) !== null) {
		const start = match.index + match[0].length;
		const end = text.indexOf('endstream', start);
		if (end === -1) return;
		const objectStart = text.lastIndexOf('obj', match.index);
		const dictionary = text.slice(objectStart === -1 ? Math.max(0, match.index - 4096) : objectStart, match.index);
		yield { dictionary, raw: bytes.subarray(start, end) };
		pattern.lastIndex = end + 'endstream'.length;
	}
}
