import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id minimum (19 MiB, 2 passes): about 50 ms here, slow enough against offline guessing.
const PARAMS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export async function hashPassword(password: string): Promise<string> {
	return hash(password, PARAMS);
}

export async function verifyPasswordHash(passwordHash: string, password: string): Promise<boolean> {
	return verify(passwordHash, password);
}

// Compared against when the username is unknown, so both failures take the same time.
let dummyHash: Promise<string> | null = null;
export async function verifyAgainstNothing(password: string): Promise<false> {
	dummyHash ??= hashPassword('tandem-timing-equaliser');
	await verify(await dummyHash, password);
	return false;
}
