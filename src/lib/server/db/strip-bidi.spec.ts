import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '.';
import { participants, users } from './schema';
import { withoutBidiControls } from '../forms';
import { makeWorld } from '../testing/factories';

// Names stored before the form rules stripped bidi controls are cleaned once by migration 0014; this runs its SQL
// again over names written behind the forms' back and compares with what the form rule does.
describe('migration 0014 cleans stored names', () => {
	it('removes the same bidi control characters from names that the form rule removes', async () => {
		const world = await makeWorld();
		const spoofed = 'Ahmad\u202Egpj.exe\u2066x\u2069\u200F';
		await db.update(participants).set({ givenName: spoofed }).where(eq(participants.id, world.participant.id));
		await db
			.update(users)
			.set({ displayName: `\u202B${spoofed}` })
			.where(eq(users.id, world.caseworker.id));
		const migration = readFileSync('drizzle/0014_strip_bidi_from_names.sql', 'utf8');
		for (const statement of migration.split('--> statement-breakpoint')) db.$client.exec(statement);
		const [person] = await db.select().from(participants).where(eq(participants.id, world.participant.id));
		const [caseworker] = await db.select().from(users).where(eq(users.id, world.caseworker.id));
		expect(person.givenName).toBe(withoutBidiControls(spoofed));
		expect(person.givenName).toBe('Ahmadgpj.exex');
		expect(caseworker.displayName).toBe('Ahmadgpj.exex');
	});
});
