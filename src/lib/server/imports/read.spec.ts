import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { languageOf, parseBirthDate, residenceStatusOf } from './labels';
import { readSheet } from './read';
import { sampleCsv } from './testing/sample';
import { nameSimilarity, normaliseName } from './duplicates';

const TODAY = '2026-11-26';

describe('birth dates as counties write them', () => {
	it.each([
		['01.02.1990', '1990-02-01'],
		['1.2.1990', '1990-02-01'],
		['1990-02-01', '1990-02-01'],
		['32874', '1990-01-01'], // Excel's serial number for 1 January 1990
		['25569', '1970-01-01'],
		['31.02.1990', null],
		['29.02.2023', null],
		['29.02.2024', '2024-02-29'],
		['01.01.2030', null], // in the future
		['1990', null],
		['gestern', null]
	])('%s → %s', (text, expected) => expect(parseBirthDate(text, TODAY)).toBe(expected));
});

describe('labels', () => {
	it('knows residence statuses and languages by their German names', () => {
		expect(residenceStatusOf('Flüchtlingsanerkennung')).toBe('refugee');
		expect(residenceStatusOf('subsidiärer Schutz')).toBe('subsidiary_protection');
		expect(residenceStatusOf('GESTATTUNG')).toBe('gestattung');
		expect(residenceStatusOf('Duldung')).toBe('duldung');
		expect(residenceStatusOf('§24')).toBe('temporary_protection');
		expect(residenceStatusOf('Niederlassungserlaubnis')).toBe('settlement_permit');
		expect(residenceStatusOf('Touristenvisum')).toBeNull();
		expect(languageOf('Arabisch')).toBe('ar');
		expect(languageOf('Farsi/Persisch')).toBe('fa');
		expect(languageOf('tigrinya')).toBe('ti');
		expect(languageOf('ti')).toBe('ti');
		expect(languageOf('Klingonisch')).toBeNull();
	});

	it('finds names alike regardless of case, accents and order', () => {
		expect(normaliseName('Jürgen', 'Müller')).toBe('jurgen muller');
		expect(normaliseName('MÜLLER', 'jürgen')).toBe('jurgen muller');
		// "jurgen muller" against "jurgen mueller": one insertion in 14 characters.
		expect(nameSimilarity('jurgen muller', 'jurgen mueller')).toBeCloseTo(1 - 1 / 14, 10);
		expect(nameSimilarity('amina haddad', 'omar haddad')).toBeLessThan(0.85);
	});
});

describe('readSheet', () => {
	it('reads UTF-8 with a byte order mark and pads short rows', async () => {
		const text = '\ufeffName;Gemeinde\r\nHaddad, Amina;Ditzingen\r\nKidane\r\n';
		const read = await readSheet(new TextEncoder().encode(text), 'a.csv');
		expect(read).toEqual({
			ok: true,
			sheet: {
				headers: ['Name', 'Gemeinde'],
				rows: [
					['Haddad, Amina', 'Ditzingen'],
					['Kidane', '']
				]
			}
		});
	});

	it('keeps blank rows inside the sheet, so row numbers stay those Excel shows', async () => {
		const text = 'Name;Gemeinde\r\nHaddad, Amina;Ditzingen\r\n;\r\n\r\nKidane, Tesfay;Hemmingen\r\n\r\n';
		const read = await readSheet(new TextEncoder().encode(text), 'a.csv');
		expect(read.ok && read.sheet.rows).toEqual([
			['Haddad, Amina', 'Ditzingen'],
			['', ''],
			['', ''],
			['Kidane, Tesfay', 'Hemmingen']
		]);
	});

	it('reads Windows-1252 when the bytes are not UTF-8', async () => {
		const read = await readSheet(
			sampleCsv({ headers: ['Name', 'Ort'], rows: [['Müller, Jürgen', 'Weißach']] }, 'windows-1252'),
			'a.csv'
		);
		expect(read.ok && read.sheet.rows[0]).toEqual(['Müller, Jürgen', 'Weißach']);
	});

	it('reads date cells and serial numbers from Excel', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Fälle');
		sheet.addRow(['Name', 'Geburtsdatum']);
		sheet.addRow(['Haddad, Amina', new Date(Date.UTC(1990, 1, 1))]);
		sheet.addRow(['Kidane, Tesfay', 32874]);
		const read = await readSheet(new Uint8Array(await workbook.xlsx.writeBuffer()), 'f.xlsx');
		expect(read.ok && read.sheet.rows).toEqual([
			['Haddad, Amina', '1990-02-01'],
			['Kidane, Tesfay', '32874']
		]);
	});

	it('refuses an empty file, a header alone, and anything that is not a sheet', async () => {
		expect(await readSheet(new Uint8Array(), 'a.csv')).toEqual({ ok: false, reason: 'import.file_empty' });
		expect(await readSheet(new TextEncoder().encode('Name;Ort\r\n'), 'a.csv')).toEqual({
			ok: false,
			reason: 'import.file_empty'
		});
		expect(await readSheet(new TextEncoder().encode('%PDF-1.4'), 'a.pdf')).toEqual({
			ok: false,
			reason: 'import.file_type'
		});
		// A zip that is not a workbook, named .xlsx.
		expect(await readSheet(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'a.xlsx')).toEqual({
			ok: false,
			reason: 'import.file_type'
		});
		expect(await readSheet(new Uint8Array(5 * 1024 * 1024 + 1).fill(65), 'a.csv')).toEqual({
			ok: false,
			reason: 'import.file_too_large'
		});
	});
});
