import { describe, expect, it } from 'vitest';
import { guessMapping } from './mapping';
import { readRow, REFUSAL_REASONS, type RefusalReason, type RowContext } from './rows';

const HEADERS = [
	'Vorname',
	'Nachname',
	'Geburtsdatum',
	'Aufenthaltsstatus',
	'Gemeinde',
	'Stadtteil',
	'Integrationsmanagerin',
	'Sprache',
	'Telefon'
];
const mapping = guessMapping(HEADERS);
const context: RowContext = {
	towns: new Map([['ditzingen', 'town-1']]),
	caseworkers: new Map([['sabinekeller', 'cw-1']]),
	today: '2026-11-26',
	names: new Map()
};
const GOOD = [
	'Amina',
	'Haddad',
	'01.02.1990',
	'Duldung',
	'Ditzingen',
	'Nord',
	'Sabine Keller',
	'Arabisch',
	'0171 123456'
];

function row(changes: Record<number, string>): string[] {
	return GOOD.map((cell, i) => changes[i] ?? cell);
}

// One spoilt cell per reason; the registry is iterated, so a new reason without a case here fails.
const CASES: Record<RefusalReason, { cells: string[]; value: string }> = {
	'import.refused_name': { cells: row({ 0: '', 1: '' }), value: '' },
	'import.refused_too_long': { cells: row({ 1: 'x'.repeat(101) }), value: '' },
	'import.refused_birth_date': { cells: row({ 2: '30.02.1990' }), value: '30.02.1990' },
	'import.refused_status_missing': { cells: row({ 3: '' }), value: '' },
	'import.refused_status': { cells: row({ 3: 'Visum' }), value: 'Visum' },
	'import.refused_town': { cells: row({ 4: 'Atlantis' }), value: 'Atlantis' },
	'import.refused_caseworker': { cells: row({ 6: 'Jonas Weber' }), value: 'Jonas Weber' },
	'import.refused_language': { cells: row({ 7: 'Suaheli' }), value: 'Suaheli' },
	'import.refused_phone': { cells: row({ 8: 'abends' }), value: 'abends' }
};

describe('one row of the sheet', () => {
	it('becomes a person with codes and ids in place of the county’s words', () => {
		expect(readRow(GOOD, 0, mapping, context)).toEqual({
			ok: true,
			person: {
				row: 2,
				givenName: 'Amina',
				familyName: 'Haddad',
				birthDate: '1990-02-01',
				household: '',
				residenceStatus: 'duldung',
				townId: 'town-1',
				district: 'Nord',
				caseworkerId: 'cw-1',
				language: 'ar',
				phone: '0171 123456'
			}
		});
	});

	it('without caseworker or language is unassigned, in German', () => {
		const read = readRow(row({ 6: '', 7: '' }), 3, mapping, context);
		expect(read.ok && [read.person.row, read.person.caseworkerId, read.person.language]).toEqual([5, null, 'de']);
	});

	for (const reason of REFUSAL_REASONS) {
		it(`is refused: ${reason}`, () => {
			const { cells, value } = CASES[reason];
			expect(readRow(cells, 5, mapping, context)).toEqual({ ok: false, refusal: { row: 7, reason, value } });
		});
	}

	it('takes one name column as "Family, Given" or "Given … Family"', () => {
		const single = guessMapping(['Name', 'Aufenthaltsstatus', 'Gemeinde']);
		const a = readRow(['Haddad, Amina Sara', 'Duldung', 'Ditzingen'], 0, single, context);
		const b = readRow(['Amina Sara Haddad', 'Duldung', 'Ditzingen'], 0, single, context);
		expect(a.ok && [a.person.givenName, a.person.familyName]).toEqual(['Amina Sara', 'Haddad']);
		expect(b.ok && [b.person.givenName, b.person.familyName]).toEqual(['Amina Sara', 'Haddad']);
	});
});
