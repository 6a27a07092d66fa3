import { sha256 } from '@oslojs/crypto/sha2';
import { generateRandomString, type RandomReader } from '@oslojs/crypto/random';
import { encodeHexLowerCase } from '@oslojs/encoding';

// No 0/O, 1/I/L: a code read aloud over the phone or copied from paper has one reading.
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

const random: RandomReader = {
	read(bytes) {
		crypto.getRandomValues(new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength));
	}
};

/** e.g. "K7QM-3XRT": 8 characters from 31, about 40 bits; guessing is throttled per address. */
export function generateInvitationCode(): string {
	const raw = generateRandomString(random, CODE_ALPHABET, CODE_LENGTH);
	return `${raw.slice(0, 4)}-${raw.slice(4)}`;
}

/** Accepts what people type: lower case, spaces, missing or extra dashes. */
export function normaliseCode(input: string): string {
	return input.toUpperCase().replace(/[^A-Z0-9]/g, '');
}

export function formatCode(normalised: string): string {
	return normalised.length === CODE_LENGTH ? `${normalised.slice(0, 4)}-${normalised.slice(4)}` : normalised;
}

export function looksLikeCode(normalised: string): boolean {
	return normalised.length === CODE_LENGTH && [...normalised].every((c) => CODE_ALPHABET.includes(c));
}

export function hashCode(normalised: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(normalised)));
}
