import { inflateSync } from 'node:zlib';

/**
 * Decoding of PDF streams for inspection. Only the standard text filters are decoded (Flate, ASCIIHex,
 * ASCII85, in any chain); what cannot be decoded cannot be inspected and is refused — except image data,
 * which a PDF reader never runs.
 */
export type StreamContent = { kind: 'decoded'; bytes: Buffer } | { kind: 'image' } | { kind: 'uninspectable' };

// Filters that only ever carry pixels; allowed (undecoded) on image streams only.
const IMAGE_FILTERS = new Set([
	'DCTDecode',
	'DCT',
	'JPXDecode',
	'CCITTFaxDecode',
	'CCF',
	'JBIG2Decode',
	'RunLengthDecode',
	'RL',
	'LZWDecode',
	'LZW'
]);

export function decodeStream(dictionary: string, raw: Buffer, maxBytes: number): StreamContent {
	const filters = filtersOf(dictionary);
	if (filters === null) return { kind: 'uninspectable' };
	const image = /\/Subtype\s*\/Image\b/.test(dictionary);
	if (image && filters.some((f) => IMAGE_FILTERS.has(f))) return { kind: 'image' };
	// A predictor scrambles the decoded bytes; only cross-reference streams (offsets, never run) use one.
	const predictor = /\/Predictor\s+(\d+)/.exec(dictionary);
	if (predictor !== null && Number(predictor[1]) > 1 && !/\/Type\s*\/XRef\b/.test(dictionary) && !image) {
		return { kind: 'uninspectable' };
	}
	let bytes = raw;
	try {
		for (const filter of filters) {
			if (filter === 'FlateDecode' || filter === 'Fl') bytes = inflateSync(bytes, { maxOutputLength: maxBytes });
			else if (filter === 'ASCIIHexDecode' || filter === 'AHx') bytes = fromAsciiHex(bytes);
			else if (filter === 'ASCII85Decode' || filter === 'A85') bytes = fromAscii85(bytes);
			else return image && IMAGE_FILTERS.has(filter) ? { kind: 'image' } : { kind: 'uninspectable' };
			if (bytes.length > maxBytes) return { kind: 'uninspectable' };
		}
	} catch {
		return { kind: 'uninspectable' };
	}
	return { kind: 'decoded', bytes };
}

/** The stream's filter chain; null when it is written in a form this check does not follow (e.g. a reference). */
function filtersOf(dictionary: string): string[] | null {
	const match = /\/Filter\s*(\/[A-Za-z0-9]+|\[[^\]]*\]|\d+\s+\d+\s+R)?/.exec(dictionary);
	if (match === null) return [];
	const value = match[1];
	if (value === undefined || /R$/.test(value)) return null;
	return [...value.matchAll(/\/([A-Za-z0-9]+)/g)].map((m) => m[1]);
}

export function fromAsciiHex(input: Buffer): Buffer {
	const text = input.toString('latin1').replace(/\s+/g, '');
	const end = text.indexOf('>');
	const hex = end === -1 ? text : text.slice(0, end);
	if (!/^[0-9A-Fa-f]*$/.test(hex)) throw new Error('Not ASCIIHex');
	return Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex');
}

export function fromAscii85(input: Buffer): Buffer {
	let text = input.toString('latin1').replace(/\s+/g, '');
	if (text.startsWith('<~')) text = text.slice(2);
	const end = text.indexOf('~>');
	if (end !== -1) text = text.slice(0, end);
	const out: number[] = [];
	let group: number[] = [];
	for (const char of text) {
		if (char === 'z' && group.length === 0) {
			out.push(0, 0, 0, 0);
			continue;
		}
		const digit = char.charCodeAt(0) - 33;
		if (digit < 0 || digit > 84) throw new Error('Not ASCII85');
		group.push(digit);
		if (group.length === 5) {
			out.push(...wordOf(group, 4));
			group = [];
		}
	}
	if (group.length === 1) throw new Error('Not ASCII85');
	if (group.length > 0) {
		const size = group.length - 1;
		while (group.length < 5) group.push(84);
		out.push(...wordOf(group, size));
	}
	return Buffer.from(out);
}

function wordOf(digits: number[], size: number): number[] {
	const value = digits.reduce((sum, d) => sum * 85 + d, 0);
	if (value > 0xffffffff) throw new Error('Not ASCII85');
	return [value >>> 24, (value >>> 16) & 0xff, (value >>> 8) & 0xff, value & 0xff].slice(0, size);
}
